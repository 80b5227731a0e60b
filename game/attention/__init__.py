"""Attention Cinema helpers: colour ramp, heatmaps, timeline, captions and exports."""
