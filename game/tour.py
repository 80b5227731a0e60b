"""The attract tour as data: which tab, which key-table actions, what the caption says, how long."""

from __future__ import annotations

import re
from dataclasses import dataclass

LANDING = "landing"
PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class TourStep:
    """One stop of the tour. A new tab joins with one row in TOUR_STEPS."""

    tab: str
    """A dashboard tab id, or "landing"; steps whose tab is missing are skipped."""
    title: str
    """The big line: what the visitor is looking at."""
    caption: str
    """One plain sentence on what is happening."""
    try_it: str
    """How to do it yourself; {action} becomes that action's key label from the key table."""
    seconds: float
    actions: tuple[str, ...] = ()
    """Key-table actions pressed on arrival, one a frame. "type:TEXT" types text, "choose:NAME"
    presses the picker keys until that corpus is chosen; {corpus} and {speed} are the tour's."""


TOUR_STEPS = [
    TourStep(LANDING, "A tiny AI, learning to write", "Everything you are about to see is computed "
             "live, on this computer.", "Press any key to take over", 7),
    TourStep("watch", "Watch It Learn", "The model guesses each next letter of a book: the line "
             "falls as it learns, and below is what it writes now.",
             "Try it: {play_pause} starts or pauses, {pick:-1} {pick:1} choose the book", 24,
             ("choose:{corpus}", "speed:{speed}", "play_pause")),
    TourStep("attention", "Attention Cinema", "Each tile is one attention head: which earlier "
             "letters the model looks at to guess the next one. Patterns form as it learns.",
             "Try it: press {tab:2}, then {view} to see one head up close", 15),
    TourStep("style", "Style Transfer", "Type or paste your own writing and a small model "
             "learns to write like you in about half a minute.",
             "Try it: press {tab:3}, type 50 words or more, then {train}", 13, ("example",)),
    TourStep("decode", "Decode Live", "The model writes one character at a time: how sure it is, "
             "and which letters it looked at to choose.",
             "Try it: press {tab:4}, type a prompt, then {decode}", 16,
             ("edit", "type:The ", "decode")),
    TourStep("break", "Break It", "Switch off one part of the transformer and watch the broken "
             "model train beside the working one.", "Try it: press {tab:5}", 15),
    TourStep("guess", "Guess the next character", "Can you beat the model? Guess a line one "
             "character at a time and compare your score with its score.",
             "Try it: press {tab:6}", 15),
]  # fmt: skip


def fill(text: str, label_of) -> str:
    """Replace each {action} with label_of(action); an unknown action keeps its name."""
    return PLACEHOLDER.sub(lambda match: label_of(match.group(1)) or match.group(1), text)


class Tour:
    """Walks the steps that can be shown, in order, and loops; knows nothing of the app."""

    def __init__(self, steps: list[TourStep]) -> None:
        if not steps:
            raise ValueError("A tour needs at least one step.")
        self.steps = steps
        self.index = 0
        self.elapsed = 0.0
        self.loops = 0  # completed passes over every step

    @property
    def step(self) -> TourStep:
        return self.steps[self.index]

    @property
    def progress(self) -> float:
        return min(1.0, self.elapsed / self.step.seconds)

    def update(self, dt: float) -> bool:
        """Advance the clock; True when a new step begins (the first call after a loop too)."""
        self.elapsed += dt
        if self.elapsed < self.step.seconds:
            return False
        self.elapsed = 0.0
        self.index += 1
        if self.index == len(self.steps):
            self.index = 0
            self.loops += 1
        return True

    @property
    def loop_seconds(self) -> float:
        return sum(step.seconds for step in self.steps)
