"""GIF and PNG exports of the attention evolution."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import numpy as np
from PIL import Image

from game.attention.export import write_gif


def test_gif_has_one_frame_per_checkpoint(tmp_path):
    rng = np.random.default_rng(1)
    frames = [(step, rng.random((16, 16), dtype=np.float32)) for step in range(0, 70, 10)]
    frames[3] = (30, frames[2][1].copy())  # identical pictures must still be separate frames
    path, shares = tmp_path / "a.gif", []
    write_gif(path, frames, 1, 0, shares.append)
    with Image.open(path) as gif:
        assert gif.n_frames == len(frames)
    assert shares == sorted(shares) and shares[0] > 0 and shares[-1] <= 1
