"""Scrubber state over checkpoints: a float position that eases to snapped targets or plays."""

from __future__ import annotations

import math

EASE_RATE = 6.0  # per second; the position closes ~95 % of the gap in half a second
RATES = (0.5, 1.0, 2.0, 4.0)  # checkpoints per second offered by autoplay


class Timeline:
    """Where the view is in the run's history; follows the newest checkpoint unless told not to."""

    def __init__(self) -> None:
        self.count = 0
        self.position = 0.0
        self.target = 0.0
        self.follow_live = True
        self.playing = False
        self.rate_index = 1

    @property
    def rate(self) -> float:
        return RATES[self.rate_index]

    @property
    def last(self) -> float:
        return max(0.0, self.count - 1.0)

    def set_count(self, count: int) -> None:
        """Tell the timeline how many checkpoints exist; following live glides to the new one."""
        grew = count > self.count
        self.count = count
        if count == 0:
            self.position = self.target = 0.0
        elif self.follow_live and grew and not self.playing:
            self.target = self.last
        self.target = min(self.target, self.last)
        self.position = min(self.position, self.last)

    def step(self, delta: int) -> None:
        """Snap one checkpoint back or forward from where the scrubber is heading."""
        self.playing = False
        self.target = float(min(max(round(self.target) + delta, 0), self.last))
        self.follow_live = self.target >= self.last and delta > 0

    def jump_start(self) -> None:
        self.playing, self.follow_live, self.target = False, False, 0.0

    def jump_live(self) -> None:
        self.playing, self.follow_live, self.target = False, True, self.last

    def toggle_play(self) -> None:
        """Autoplay from here (or from step 0 when already at the end)."""
        self.playing = not self.playing and self.count > 1
        if self.playing:
            self.follow_live = False
            if self.position >= self.last - 1e-3:
                self.position = self.target = 0.0

    def cycle_rate(self) -> None:
        self.rate_index = (self.rate_index + 1) % len(RATES)

    def update(self, dt: float) -> None:
        """Advance autoplay, or ease towards the snapped target."""
        if self.playing:
            self.position = min(self.position + self.rate * dt, self.last)
            self.target = self.position
            if self.position >= self.last:
                self.playing = False
                self.follow_live = True
            return
        gap = self.target - self.position
        if abs(gap) < 1e-3:
            self.position = self.target
        else:
            self.position += gap * (1.0 - math.exp(-EASE_RATE * dt))
