"""An animated train/validation loss chart over checkpoints, with a keyboard cursor."""

from __future__ import annotations

import math

import pygame

from game.theme import Theme, ease_out_cubic, lerp, mix
from llmbreaker.messages import Checkpoint

EASE_SECONDS = 0.6  # a new point slides in from the previous one (spec 10.4 lossPointAnimation)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round-numbered ticks covering [low, high]."""
    span = max(high - low, 1e-6)
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    return [first + k * step for k in range(int((high - first) / step) + 1)]


class LossChart:
    """Reusable: set_checkpoints() each frame, move `cursor`, update(dt), draw(surface, rect)."""

    def __init__(self, theme: Theme, title: str = "Loss  ·  lower is better") -> None:
        self.theme = theme
        self.title = title
        self.checkpoints: list[Checkpoint] = []
        self.live: list[tuple[int, float]] = []
        self.ghost: list[Checkpoint] = []  # a second run drawn faintly behind (Break It)
        self.ghost_label = "ghost"
        self.max_step = 1
        self.cursor: int | None = None  # index into checkpoints; None follows the newest
        self._age = EASE_SECONDS  # seconds since the newest point arrived
        self._y_range = (0.0, 4.5)
        self.plot_rect = pygame.Rect(0, 0, 0, 0)

    # ---------------------------------------------------------------- data

    def set_checkpoints(self, checkpoints: list[Checkpoint], max_step: int = 0) -> None:
        if len(checkpoints) > len(self.checkpoints):
            self._age = 0.0
        if len(checkpoints) < len(self.checkpoints):
            self.cursor = None
        self.checkpoints = list(checkpoints)
        self.max_step = max(max_step, checkpoints[-1].step if checkpoints else 0, 1)

    def set_live(self, points: list[tuple[int, float]]) -> None:
        """Per-step batch losses, drawn faintly behind the checkpoint lines."""
        self.live = points

    def set_ghost(self, checkpoints: list[Checkpoint], label: str = "ghost") -> None:
        """A second run's checkpoints, drawn faintly behind the first (same steps axis)."""
        self.ghost = list(checkpoints)
        self.ghost_label = label
        if checkpoints:
            self.max_step = max(self.max_step, checkpoints[-1].step)

    @property
    def selected(self) -> int | None:
        if not self.checkpoints:
            return None
        return len(self.checkpoints) - 1 if self.cursor is None else self.cursor

    def move_cursor(self, delta: int) -> None:
        if not self.checkpoints:
            return
        index = max(0, min(len(self.checkpoints) - 1, (self.selected or 0) + delta))
        self.cursor = None if index == len(self.checkpoints) - 1 else index

    # ---------------------------------------------------------------- frame

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None:
        self._age += dt
        runs = self.checkpoints + self.ghost
        losses = [v for c in runs for v in (c.train_loss, c.val_loss)]
        losses += [loss for _, loss in self.live[-200:]]
        if losses:
            target = (max(0.0, math.floor(min(losses) * 2) / 2 - 0.25), max(losses) + 0.25)
            k = min(1.0, dt * 4)
            self._y_range = (
                lerp(self._y_range[0], target[0], k),
                lerp(self._y_range[1], target[1], k),
            )

    def _xy(self, step: float, loss: float) -> tuple[float, float]:
        r, (low, high) = self.plot_rect, self._y_range
        x = r.x + r.w * step / max(1, self.max_step)
        y = r.bottom - r.h * (loss - low) / max(high - low, 1e-6)
        return x, max(r.y, min(r.bottom, y))

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, self.title)
        self._draw_legend(surface, inner)
        left, bottom = theme.px(8), theme.px(5)
        self.plot_rect = pygame.Rect(
            inner.x + left,
            inner.y + theme.px(1),
            inner.w - left - theme.px(1),
            inner.h - bottom - theme.px(1),
        )
        self._draw_axes(surface)
        if self.live:
            live = [self._xy(s, v) for s, v in self.live[:: max(1, len(self.live) // 600)]]
            if len(live) > 1:
                faint = mix(theme.colour["panel"], theme.colour["blue"], 0.45)
                pygame.draw.lines(surface, faint, False, live, max(1, theme.px(0.25)))
        for field, colour in (("train_loss", "blue"), ("val_loss", "cyan")):
            faint = mix(theme.colour["panel"], theme.colour[colour], 0.4)
            self._draw_series(surface, field, faint, self.ghost, ease=False)
        self._draw_series(surface, "train_loss", theme.colour["blue"])
        self._draw_series(surface, "val_loss", theme.colour["cyan"])
        self._draw_cursor(surface)

    def _draw_legend(self, surface, inner: pygame.Rect) -> None:
        theme, x = self.theme, inner.right
        entries = [("validation", theme.colour["cyan"]), ("training", theme.colour["blue"])]
        if self.ghost:
            faint = mix(theme.colour["panel"], theme.colour["cyan"], 0.4)
            entries.insert(0, (self.ghost_label, faint))
        for name, colour in entries:
            label = theme.text(name, "sm", "text2")
            x -= label.get_width()
            surface.blit(label, (x, inner.y - label.get_height() - theme.px(1.5)))
            x -= theme.px(3.5)
            y = inner.y - label.get_height() // 2 - theme.px(1.5)
            pygame.draw.line(surface, colour, (x, y), (x + theme.px(2.5), y), theme.px(0.5))
            x -= theme.px(3)

    def _draw_axes(self, surface) -> None:
        theme, r = self.theme, self.plot_rect
        for value in nice_ticks(*self._y_range, 4):
            _, y = self._xy(0, value)
            pygame.draw.line(surface, theme.colour["raised"], (r.x, y), (r.right, y), 1)
            label = theme.text(f"{value:.1f}", "sm", "dim", mono=True)
            surface.blit(
                label, (r.x - label.get_width() - theme.px(1.5), y - label.get_height() // 2)
            )
        for value in [v for v in nice_ticks(0, self.max_step, 5) if v == int(v)]:
            x, _ = self._xy(value, self._y_range[0])
            label = theme.text(f"{value:,.0f}", "sm", "dim", mono=True)
            left = min(x - label.get_width() // 2, r.right - label.get_width())
            surface.blit(label, (left, r.bottom + theme.px(1)))
        pygame.draw.line(surface, theme.colour["dim"], r.bottomleft, r.bottomright, 1)

    def _draw_series(self, surface, field: str, colour, run=None, ease: bool = True) -> None:
        run = self.checkpoints if run is None else run
        points = [self._xy(c.step, getattr(c, field)) for c in run]
        if not points:
            return
        t = ease_out_cubic(self._age / EASE_SECONDS) if ease else 1.0
        if len(points) > 1 and t < 1:  # the newest point glides in from the previous one
            (x0, y0), (x1, y1) = points[-2], points[-1]
            points[-1] = (lerp(x0, x1, t), lerp(y0, y1, t))
        width = self.theme.px(0.5)
        if len(points) > 1:
            pygame.draw.lines(surface, colour, False, points, width)
        radius = self.theme.px(0.75)
        for point in points[:-1]:
            pygame.draw.circle(surface, colour, point, radius)
        pop = 1 + 0.4 * math.sin(math.pi * min(1.0, self._age / EASE_SECONDS)) if ease else 1
        pygame.draw.circle(surface, colour, points[-1], round(radius * pop))

    def _draw_cursor(self, surface) -> None:
        index = self.selected
        if index is None:
            return
        theme, cp = self.theme, self.checkpoints[index]
        x, _ = self._xy(cp.step, cp.train_loss)
        r = self.plot_rect
        pygame.draw.line(surface, theme.colour["dim"], (x, r.y), (x, r.bottom), 1)
        for field, colour in (("train_loss", "blue"), ("val_loss", "cyan")):
            point = self._xy(cp.step, getattr(cp, field))
            pygame.draw.circle(surface, theme.colour["text"], point, theme.px(1.25))
            pygame.draw.circle(surface, theme.colour[colour], point, theme.px(0.8))
        text = f"step {cp.step:,}   train {cp.train_loss:.2f}   val {cp.val_loss:.2f}"
        twin = next((g for g in self.ghost if g.step == cp.step), None)
        if twin is not None:
            text += f"   {self.ghost_label} val {twin.val_loss:.2f}"
        label = theme.text(text, "sm", "text", mono=True)
        lx = min(max(r.x, x - label.get_width() // 2), r.right - label.get_width())
        box = pygame.Rect(
            lx - theme.px(1), r.y, label.get_width() + theme.px(2), label.get_height() + theme.px(1)
        )
        pygame.draw.rect(surface, theme.colour["raised"], box, border_radius=theme.px(0.75))
        surface.blit(label, (lx, r.y + theme.px(0.5)))
