"""Small readers shared by the exhibit tests."""

from game.theme import PALETTE


def colour_count(pilot, rect, colour, tolerance: int = 12, every: int = 2) -> int:
    """How many pixels in rect are within tolerance of colour (sampled every `every` px)."""
    surface = pilot.app.screen
    hits = 0
    for y in range(rect.top, rect.bottom, every):
        for x in range(rect.left, rect.right, every):
            r, g, b, _ = surface.get_at((x, y))
            if max(abs(r - colour[0]), abs(g - colour[1]), abs(b - colour[2])) <= tolerance:
                hits += 1
    return hits


def watch_state(pilot):
    session = pilot.app.sessions.get("watch")
    return session.state if session else None


def blue() -> tuple[int, int, int]:
    return PALETTE["blue"]


def bluish_text_pixels(pilot, rect) -> int:
    """Pixels of confidence-tinted glyphs: clearly blue or near white, not the dark panel."""
    surface, hits = pilot.app.screen, 0
    for y in range(rect.top, rect.bottom):
        for x in range(rect.left, rect.right, 2):
            r, g, b, _ = surface.get_at((x, y))
            if b > 150 and b >= r + 30 or min(r, g, b) > 200:
                hits += 1
    return hits


def stepping(pilot, past: int = 0) -> bool:
    """The Watch It Learn session is running and has done more than `past` steps."""
    state = watch_state(pilot)
    return bool(state) and state.status == "running" and state.step > past
