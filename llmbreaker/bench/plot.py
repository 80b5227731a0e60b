"""A PNG of the learning curves (val loss against seconds), drawn with Pillow."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

COLOURS = ["#3B82F6", "#06B6D4", "#10B981", "#F59E0B", "#8B5CF6", "#EC4899"]
BG, AXIS, TEXT = "#0F172A", "#64748B", "#F1F5F9"


def plot_curves(curves: list[dict], path: Path, size=(1200, 700)) -> Path:
    """Draw every curve's (seconds, val loss) points; the reference dashed-looking in grey."""
    w, h = size
    left, right, top, bottom = 80, 220, 40, 60
    image = Image.new("RGB", size, BG)
    draw = ImageDraw.Draw(image)
    points = [(s, v) for c in curves for s, _, v in c["points"]]
    if not points:
        image.save(path)
        return path
    max_s = max(s for s, _ in points) or 1.0
    lo, hi = 1.4, min(4.5, max(v for _, v in points))
    sx = lambda s: left + (w - left - right) * s / max_s  # noqa: E731
    sy = lambda v: top + (h - top - bottom) * (hi - min(hi, max(lo, v))) / (hi - lo)  # noqa: E731
    draw.rectangle([left, top, w - right, h - bottom], outline=AXIS)
    draw.text((left - 40, top - 6), f"{hi:.2f}", fill=AXIS)
    for target in (2.2, 2.0, 1.9, 1.75, 1.6):
        y = sy(target)
        draw.line([left, y, w - right, y], fill="#334155")
        draw.text((left - 40, y - 6), f"{target:.2f}", fill=AXIS)
    for i in range(6):
        s = max_s * i / 5
        draw.text((sx(s) - 10, h - bottom + 8), f"{s:.0f}s", fill=AXIS)
    for i, curve in enumerate(curves):
        colour = "#94A3B8" if curve["name"] == "reference" else COLOURS[i % len(COLOURS)]
        xy = [(sx(s), sy(v)) for s, _, v in curve["points"]]
        if len(xy) > 1:
            draw.line(xy, fill=colour, width=3)
        draw.text((w - right + 16, top + 24 * i), curve["name"], fill=colour)
    draw.text((left, 10), "validation loss against wall-clock seconds", fill=TEXT)
    image.save(path)
    return path
