"""Tab 5, Break It: turn off a part of the transformer and watch it train beside a ghost."""

from __future__ import annotations

import pygame

from game.breakit.frame import BreakFrame
from game.breakit.runs import BROKEN_ID, GHOST_ID, BreakRuns
from game.breakit.samples import SamplesPanel
from game.breakit.status_panel import StatusPanel
from game.breakit.switch_list import SwitchList
from game.breakit.verdict import VerdictPanel
from game.keys import Binding
from game.tabs.base import AppContext, Tab
from game.widgets.error_panel import draw_error_panel
from game.widgets.loss_chart import LossChart
from llmbreaker import messages as m
from llmbreaker.break_symptoms import caption
from llmbreaker.breaks import SWITCHES
from llmbreaker.errors import LLMBreakerError

SCOPE = "break"
# One key per part, shown beside it in the list (S, digits and F5-F9 belong to every tab).
SWITCH_KEYS = {
    "positions": "p",
    "residual": "k",
    "layernorm": "n",
    "heads": "h",
    "context": "c",
    "width": "w",
}


def _b(key: str, action: str, description: str, id_: str) -> Binding:
    return Binding(key, action, description, f"break_{id_}", SCOPE)


BINDINGS = [
    _b("space", "play_pause", "Train the broken model and its ghost; pause or resume both", "play"),
    *[
        _b(key, f"toggle:{name}", f"Break or mend: {SWITCHES[name].title.lower()}", name)
        for name, key in SWITCH_KEYS.items()
    ],
    _b("up", "move:-1", "Previous part in the list", "up"),
    _b("down", "move:1", "Next part in the list", "down"),
    _b("return", "toggle_chosen", "Break or mend the highlighted part", "toggle"),
    _b("s", "step", "One step of both (while paused)", "step"),
    _b("left", "previous", "Earlier checkpoint: both samples at that step", "previous"),
    _b("right", "next", "Later checkpoint", "next"),
    _b("end", "latest", "Follow the newest checkpoint again", "latest"),
    _b("backspace", "stop", "Stop both runs", "stop"),
    _b("r", "replay", "Train again with the parts chosen now (also after a crash)", "replay"),
]
# What the status panel lists, by binding id, in a few words each.
HINTS = {
    None: [("break_play", "train both"), ("break_toggle", "break / mend")],
    "starting": [("break_play", "pause both")],
    "running": [("break_play", "pause both"), ("break_previous", "earlier samples")],
    "paused": [("break_play", "resume"), ("break_step", "one step"), ("break_stop", "stop")],
    "completed": [("break_replay", "train again"), ("break_previous", "earlier samples")],
    "stopped": [("break_play", "train again")],
    "error": [("break_replay", "restart")],
}


class BreakTab(Tab):
    """Switch list and status left; the chart, both samples and the verdict right."""

    id, title, key = SCOPE, "Break It", "5"
    bindings = BINDINGS
    restart_bindings = {BROKEN_ID: f"{SCOPE}_replay", GHOST_ID: f"{SCOPE}_replay"}

    def __init__(self, ctx: AppContext, cache_folder=None) -> None:
        super().__init__(ctx)
        self.runs = BreakRuns(ctx.sessions, cache_folder)
        self.chosen: list[str] = ["positions"]  # a visitor's first Space shows something
        self.cursor = 0
        self.chart = LossChart(ctx.theme, "Loss  ·  broken against its ghost")
        self.switch_list = SwitchList(ctx.theme)
        self.status_panel = StatusPanel(ctx.theme)
        self.samples = SamplesPanel(ctx.theme)
        self.verdict = VerdictPanel(ctx.theme)
        self.labels = {b.id: b.label for b in BINDINGS}
        self.areas: dict[str, pygame.Rect] = {}
        self._generation = -1

    def reset(self) -> None:
        """The idle reset: forget the visitor's choice and results (sessions are stopped)."""
        self.runs = BreakRuns(self.ctx.sessions, self.runs.cache_folder)
        self.chosen, self.cursor = ["positions"], 0
        self.chart = LossChart(self.theme, self.chart.title)
        self._generation = -1

    # ------------------------------------------------------------------ input

    def handle_action(self, action: str) -> bool:
        status = self.runs.status
        if action == "play_pause":
            if status is None or status in ("completed", "stopped", "error"):
                self.start()
            elif status == "paused":
                self.runs.send(m.Resume())
            else:
                self.runs.send(m.Pause())
        elif action.startswith("toggle:"):
            self.toggle(action.split(":", 1)[1])
        elif action == "toggle_chosen":
            self.toggle(list(SWITCHES)[self.cursor])
        elif action.startswith("move:"):
            self.cursor = (self.cursor + int(action.split(":", 1)[1])) % len(SWITCHES)
        elif action == "step":
            if status == "paused":
                self.runs.send(m.Step())
        elif action in ("next", "previous"):
            self.chart.move_cursor(1 if action == "next" else -1)
        elif action == "latest":
            self.chart.cursor = None
        elif action == "stop":
            self.runs.send(m.Stop())
        elif action == "replay":
            self.start()
        elif action.startswith("speed:"):  # the shared speed keys pace both runs
            self.speed = action.split(":", 1)[1]
            self.runs.send(m.SetSpeed(self.speed))
        else:
            return False
        return True

    def toggle(self, name: str) -> None:
        self.cursor = list(SWITCHES).index(name)
        if name in self.chosen:
            self.chosen.remove(name)
        else:
            self.chosen.append(name)
        going = self.runs.status in ("running", "paused", "starting")
        if going and tuple(self.ordered()) != self.runs.switches:
            self.ctx.toast(f"Press {self.labels['break_replay']} to train with this choice", "info")

    def ordered(self) -> list[str]:
        return [name for name in SWITCHES if name in self.chosen]

    def start(self) -> None:
        if not self.chosen:
            keys = "/".join(self.labels[f"break_{n}"] for n in SWITCHES)
            self.ctx.toast(f"Choose at least one part to break first ({keys})", "error")
            return
        try:
            self.runs.start(self.ordered(), self.ctx.training, self.ctx.datasets)
        except LLMBreakerError as exc:
            self.ctx.toast(exc.message, "error")

    # ------------------------------------------------------------------ frame

    def update(self, dt: float) -> None:
        self.runs.update()
        broken = self.runs.broken
        if broken is None:
            return
        if broken.generation != self._generation:
            self._generation = broken.generation
            self.chart.cursor = None
        self.chart.set_checkpoints(broken.state.checkpoints, broken.state.max_iters)
        self.chart.set_ghost(self.runs.ghost_checkpoints())
        self.chart.update(dt)

    def frame(self) -> BreakFrame:
        runs, broken = self.runs, self.runs.broken
        state = broken.state if broken else None
        ghosts = runs.ghost_checkpoints()
        shown = self._shown(state.checkpoints if state else [], ghosts)
        ghost = None
        if shown is not None:
            earlier = [c for c in ghosts if c.step <= shown.step]
            ghost = earlier[-1] if earlier else None
        comparison = runs.comparison()
        status = runs.status
        hints = tuple((self.labels[i], what) for i, what in HINTS.get(status, []))
        mode = "" if broken is None else ("cached" if runs.cached else "live")
        return BreakFrame(
            tuple(self.ordered()), runs.switches if broken else (), self.cursor,
            {n: self.labels[f"break_{n}"] for n in SWITCHES}, status,
            state.step if state else 0, state.max_iters if state else 0, mode,
            shown, ghost, tuple(caption(comparison)) if comparison else (), hints, runs.error,
        )  # fmt: skip

    def _shown(self, checkpoints: list, ghosts: list):
        """The cursor's checkpoint; following live, the newest step both runs have reached,
        so the samples and the gap always compare the same step."""
        if not checkpoints:
            return None
        if self.chart.cursor is not None:
            return checkpoints[self.chart.cursor]
        reached = {c.step for c in ghosts}
        common = [c for c in checkpoints if c.step in reached]
        return common[-1] if common else checkpoints[-1]

    def layout(self, rect: pygame.Rect) -> dict[str, pygame.Rect]:
        theme = self.theme
        gap = theme.px(3)
        left_w = round(rect.w * 0.31)
        list_h = round(rect.h * 0.72)
        right = pygame.Rect(rect.x + left_w + gap, rect.y, rect.w - left_w - gap, rect.h)
        chart_h = round(right.h * 0.36)
        verdict_h = round(right.h * 0.27)
        samples_h = right.h - chart_h - verdict_h - 2 * theme.px(2)
        return {
            "switches": pygame.Rect(rect.x, rect.y, left_w, list_h),
            "status": pygame.Rect(rect.x, rect.y + list_h + gap, left_w, rect.h - list_h - gap),
            "chart": pygame.Rect(right.x, right.y, right.w, chart_h),
            "samples": pygame.Rect(right.x, right.y + chart_h + theme.px(2), right.w, samples_h),
            "verdict": pygame.Rect(right.x, right.bottom - verdict_h, right.w, verdict_h),
            "right": right,
        }

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        areas = self.areas = self.layout(rect)
        frame = self.frame()
        self.switch_list.draw(surface, areas["switches"], frame)
        self.status_panel.draw(surface, areas["status"], frame)
        if frame.status == "error":
            hint = f"Press {self.labels['break_replay']} to restart"
            draw_error_panel(self.theme, surface, areas["right"], frame.error, hint)
            return
        self.chart.draw(surface, areas["chart"])
        self.samples.draw(surface, areas["samples"], frame)
        self.verdict.draw(surface, areas["verdict"], frame)


TAB = BreakTab
