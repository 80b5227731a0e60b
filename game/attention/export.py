"""The attention GIF: one head's attention over every checkpoint, one frame per checkpoint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from game.attention.colormap import colormap
from game.theme import INTER, PALETTE

GIF_SIDE = 512  # pixels of the heatmap in each frame
GIF_HEADER = 56
FRAME_MS = 500


def gif_frame(matrix: np.ndarray, title: str, font) -> Image.Image:
    """One frame: the heatmap scaled up in whole pixels under a header line."""
    cells = matrix.shape[0]
    side = max(1, GIF_SIDE // cells) * cells
    heat = Image.fromarray(colormap(matrix)).resize((side, side), Image.Resampling.NEAREST)
    frame = Image.new("RGB", (side, side + GIF_HEADER), PALETTE["bg"])
    frame.paste(heat, (0, GIF_HEADER))
    ImageDraw.Draw(frame).text((12, GIF_HEADER // 2), title, PALETTE["text"], font, anchor="lm")
    return frame


def write_gif(
    path: Path,
    frames: list[tuple[int, np.ndarray]],
    layer: int,
    head: int,
    progress: Callable[[float], None] = lambda share: None,
) -> None:
    """Save (step, T x T matrix) frames as an endlessly looping GIF at path."""
    if not frames:
        raise ValueError("No checkpoints to export yet.")
    font = ImageFont.truetype(str(INTER), 24)
    images = []
    for index, (step, matrix) in enumerate(frames):
        images.append(gif_frame(matrix, f"Layer {layer} · Head {head} — step {step}", font))
        progress(0.5 * (index + 1) / len(frames))  # drawing is about half the time
    durations = [FRAME_MS] * (len(images) - 1) + [FRAME_MS * 4]  # linger on the final pattern
    images[0].save(
        path,
        format="GIF",
        save_all=True,
        append_images=images[1:],
        duration=durations,
        loop=0,
        optimize=False,
    )
