"""GIF and PNG exports of the attention evolution."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import numpy as np
import pygame
from PIL import Image

from game.attention.export import export_gif, export_png


def test_gif_has_one_frame_per_checkpoint(tmp_path):
    rng = np.random.default_rng(1)
    frames = [(step, rng.random((16, 16), dtype=np.float32)) for step in range(0, 70, 10)]
    frames[3] = (30, frames[2][1].copy())  # identical pictures must still be separate frames
    path = export_gif(frames, 1, 0, tmp_path)
    with Image.open(path) as gif:
        assert gif.n_frames == len(frames)
    assert path.parent == tmp_path and path.name.startswith("attention-L1H0-")


def test_png_of_a_view(tmp_path):
    surface = pygame.Surface((40, 30))
    surface.fill((30, 58, 138))
    first, second = export_png(surface, tmp_path), export_png(surface, tmp_path)
    assert first != second and first.exists() and second.exists()
    assert pygame.image.load(str(first)).get_at((5, 5))[:3] == (30, 58, 138)
