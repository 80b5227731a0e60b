"""Style's loss chart: from the base's value down, best point marked, scaled to the val line."""

from __future__ import annotations

import pygame

from game.style.frame import StyleFrame
from game.widgets.loss_chart import LossChart

MARGIN = 0.08  # of the losses' span, above and below, so no point sits on the frame


class StyleLossChart(LossChart):
    """The shared chart, fitted to the checkpoints' losses (not the noisy per-batch ones)."""

    def __init__(self, theme) -> None:
        super().__init__(theme, "Loss")
        self.base_val: float | None = None
        self.best: tuple[int, float] | None = None

    def fit(self) -> tuple[float, float]:
        """A y range holding every checkpoint's train and validation loss."""
        losses = [v for c in self.checkpoints for v in (c.train_loss, c.val_loss)]
        if not losses:
            return self._y_range
        low, high = min(losses), max(losses)
        pad = max(0.05, (high - low) * MARGIN)
        return max(0.0, low - pad), high + pad

    def update(self, dt: float) -> None:
        self._age += dt
        self._y_range = self.fit()  # exact, never eased: an easing range lets points out

    def draw(
        self, surface: pygame.Surface, rect: pygame.Rect, frame: StyleFrame | None = None
    ) -> None:
        """The chart of frame's run (or of the run last drawn), its base line and best point."""
        if frame is not None:
            last = frame.checkpoints[-1].step if frame.checkpoints else 0
            # Early stopping ends most runs in 20-80 steps: the x axis follows the run.
            self.set_checkpoints(
                list(frame.checkpoints), min(frame.max_iters, max(40, last * 5 // 4))
            )
            best = frame.best
            self.base_val = frame.base_val
            self.best = None if best is None or best.step == 0 else (best.step, best.val_loss)
        self._y_range = self.fit()
        super().draw(surface, rect)
        self._draw_base_line(surface)
        self._draw_best(surface)

    def _draw_cursor(self, surface) -> None:
        """No cursor here (Style has no checkpoint keys); the best point is marked instead."""

    def _draw_base_line(self, surface) -> None:
        if self.base_val is None:
            return
        theme, r = self.theme, self.plot_rect
        _, y = self._xy(0, self.base_val)
        for x in range(r.x, r.right, theme.px(2)):
            pygame.draw.line(surface, theme.colour["dim"], (x, y), (x + theme.px(1), y), 1)
        label = theme.text(f"base {self.base_val:.2f}", "xs", "dim", mono=True)
        # Above the line, unless the validation curve ends above it (climbed back past the
        # base): then below, where the curve's last point does not cover it.
        last = self.checkpoints[-1].val_loss if self.checkpoints else None
        below = last is not None and last >= self.base_val
        top = y + theme.px(0.5) if below else y - label.get_height()
        surface.blit(label, (r.right - label.get_width(), top))

    def _draw_best(self, surface) -> None:
        if self.best is None:
            return
        theme, r = self.theme, self.plot_rect
        step, val = self.best
        x, y = self._xy(step, val)
        pygame.draw.circle(surface, theme.colour["success"], (x, y), theme.px(1.5), 2)
        label = theme.text(f"best {val:.2f}", "xs", "success", mono=True)
        lx = min(max(r.x, x - label.get_width() // 2), r.right - label.get_width())
        ly = min(y + theme.px(2), r.bottom - label.get_height())
        surface.blit(label, (lx, ly))
