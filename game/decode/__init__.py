"""Decode Live's widgets: the prompt, the growing text, the flow strip, activity, attention, KV."""
