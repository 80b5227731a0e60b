"""Small reusable widgets: handle_event(e) -> bool, update(dt), draw(surface, rect)."""
