"""Exports: a GIF of one head's attention over every checkpoint, and a PNG of the view."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pygame
from PIL import Image, ImageDraw, ImageFont

from game.attention.colormap import colormap
from game.theme import INTER, PALETTE

EXPORT_DIR = Path("exports")
GIF_SIDE = 512  # pixels of the heatmap in each frame
GIF_HEADER = 56
FRAME_MS = 500


def _timestamped(folder: Path, stem: str, suffix: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    base = f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}"
    path, copy = folder / f"{base}{suffix}", 1
    while path.exists():  # two exports within a second keep both files
        copy += 1
        path = folder / f"{base}-{copy}{suffix}"
    return path


def gif_frame(matrix: np.ndarray, title: str, font) -> Image.Image:
    """One frame: the heatmap scaled up in whole pixels under a header line."""
    cells = matrix.shape[0]
    side = max(1, GIF_SIDE // cells) * cells
    heat = Image.fromarray(colormap(matrix)).resize((side, side), Image.Resampling.NEAREST)
    frame = Image.new("RGB", (side, side + GIF_HEADER), PALETTE["bg"])
    frame.paste(heat, (0, GIF_HEADER))
    ImageDraw.Draw(frame).text((12, GIF_HEADER // 2), title, PALETTE["text"], font, anchor="lm")
    return frame


def export_gif(
    frames: list[tuple[int, np.ndarray]],
    layer: int,
    head: int,
    folder: Path = EXPORT_DIR,
) -> Path:
    """Save (step, T x T matrix) frames as an endlessly looping GIF; returns its path."""
    if not frames:
        raise ValueError("No checkpoints to export yet.")
    font = ImageFont.truetype(str(INTER), 24)
    images = [
        gif_frame(matrix, f"Layer {layer} · Head {head} — step {step}", font)
        for step, matrix in frames
    ]
    path = _timestamped(folder, f"attention-L{layer}H{head}", ".gif")
    durations = [FRAME_MS] * (len(images) - 1) + [FRAME_MS * 4]  # linger on the final pattern
    images[0].save(
        path, save_all=True, append_images=images[1:], duration=durations, loop=0, optimize=False
    )
    return path


def export_png(surface: pygame.Surface, folder: Path = EXPORT_DIR, stem: str = "attention") -> Path:
    """Save a view as PNG; returns its path."""
    path = _timestamped(folder, stem, ".png")
    pygame.image.save(surface, str(path))
    return path
