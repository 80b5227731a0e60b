"""An orbit camera (yaw, pitch, zoom around a target) and its matrices, in numpy."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MIN_PITCH, MAX_PITCH = math.radians(12), math.radians(85)
MIN_ZOOM, MAX_ZOOM = 0.5, 2.5


def perspective(fov_y: float, aspect: float, near: float, far: float) -> np.ndarray:
    f = 1.0 / math.tan(fov_y / 2)
    return np.array(
        [
            [f / aspect, 0, 0, 0],
            [0, f, 0, 0],
            [0, 0, (far + near) / (near - far), 2 * far * near / (near - far)],
            [0, 0, -1, 0],
        ],
        dtype=np.float64,
    )


def look_at(eye: np.ndarray, target: np.ndarray, up=(0.0, 1.0, 0.0)) -> np.ndarray:
    forward = target - eye
    forward = forward / np.linalg.norm(forward)
    side = np.cross(forward, up)
    side = side / np.linalg.norm(side)
    true_up = np.cross(side, forward)
    view = np.identity(4)
    view[0, :3], view[1, :3], view[2, :3] = side, true_up, -forward
    view[:3, 3] = -view[:3, :3] @ eye
    return view


@dataclass
class OrbitCamera:
    """Looks at the centre of an n x n field from a yaw/pitch angle; zoom scales the distance."""

    yaw: float = math.radians(-35)
    pitch: float = math.radians(38)
    zoom: float = 1.0
    fov_y: float = math.radians(40)

    def rotate(self, d_yaw: float) -> None:
        self.yaw = (self.yaw + d_yaw) % (2 * math.pi)

    def tilt(self, d_pitch: float) -> None:
        self.pitch = min(max(self.pitch + d_pitch, MIN_PITCH), MAX_PITCH)

    def zoom_by(self, factor: float) -> None:
        self.zoom = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)

    def mvp(self, n: int, height: float, aspect: float) -> np.ndarray:
        """Projection x view for a field spanning [0, n] in x and z and [0, height] in y."""
        target = np.array([n / 2, height * 0.1, n / 2])
        distance = 1.75 * n * self.zoom
        eye = target + distance * np.array(
            [
                math.cos(self.pitch) * math.sin(self.yaw),
                math.sin(self.pitch),
                math.cos(self.pitch) * math.cos(self.yaw),
            ]
        )
        proj = perspective(self.fov_y, aspect, distance * 0.05, distance * 4)
        return proj @ look_at(eye, target)


def project(mvp: np.ndarray, points: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """World points (N, 3) -> pixel positions (N, 2) with y down; points behind are NaN."""
    homo = np.c_[points, np.ones(len(points))] @ mvp.T
    w = homo[:, 3:4]
    ndc = np.where(w > 1e-6, homo[:, :2] / np.where(w > 1e-6, w, 1), np.nan)
    x = (ndc[:, 0] + 1) * 0.5 * size[0]
    y = (1 - ndc[:, 1]) * 0.5 * size[1]
    return np.c_[x, y]
