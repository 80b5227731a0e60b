"""Tab 4, Decode Live: the current model writing one character at a time, its insides lit up."""

from __future__ import annotations

import pygame

from game.decode.flow_clock import SAMPLE, STEP_SHOW, pass_stage
from game.decode.frame import Frame
from game.decode.layout import DecodeLayout
from game.decode.prompt_bar import PromptBar
from game.decode.source import DECODING, IDLE, RATES, WAITING, DecodeSource
from game.keys import Binding
from game.tabs.base import Tab

SCOPE = "decode"


def _b(key: str, action: str, description: str, id_: str) -> Binding:
    return Binding(key, action, description, f"decode_{id_}", SCOPE)


BINDINGS = [
    _b("return", "decode", "Decode from the prompt (on an empty prompt: type one)", "start"),
    _b("p", "pause", "Pause / resume the decode", "pause"),
    _b("s,.", "step", "One character (pauses a running decode)", "step"),
    _b("l", "layer", "Next layer for the attention over the context", "layer"),
    *[
        _b(f"f{5 + i}", f"rate:{rate}", f"{rate} characters a second", f"rate_{rate}")
        for i, rate in enumerate(RATES)
    ],
    _b("e,tab", "edit", "Edit the prompt (Esc leaves it, so 1-4 switch tabs)", "edit"),
    _b("space", "train", "Train a model here when no session is running", "train"),
]


class DecodeTab(Tab):
    """Prompt line on top; text, attention and credit left; pass, activity and KV cache right."""

    id, title, key = SCOPE, "Decode Live", "4"
    bindings = BINDINGS

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.layout = DecodeLayout(ctx.theme)
        self.reset()

    def reset(self) -> None:
        """An empty prompt, no decode, the default rate and layer."""
        self.source = DecodeSource(self.ctx.sessions)
        self.prompt = PromptBar(self.ctx.theme)
        self.selected_layer = -1  # the last layer until L picks another
        self._swallow_text = False  # the character of the key that focused the prompt
        self._prompt_version = 0

    @property
    def box(self):
        return self.prompt.box

    def exit(self) -> None:
        self.box.focused = False

    # ------------------------------------------------------------------ input

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT and self._swallow_text:
            self._swallow_text = False
            return True
        if event.type == pygame.KEYDOWN:
            self._swallow_text = False
            if self.box.focused and event.key == pygame.K_ESCAPE:
                self.box.focused = False
                return True
        consumed = self.box.handle_event(event)
        if self.box.refused:  # too long: say so, never cut the prompt silently
            self.ctx.toast(self.box.refused.replace("Text", "Prompt", 1), "error")
            self.box.refused = None
        return consumed

    def handle_action(self, action: str) -> bool:
        source = self.source
        if action == "decode":
            self.start()
        elif action == "pause":
            source.toggle_pause()
        elif action == "step":
            self._prompt_version = self.box.version  # a refusal is about the text as it is
            source.single_step(self.box.text)
            self._report()
        elif action == "layer":
            self.selected_layer = (self.selected_layer % max(1, source.shape[0])) + 1
        elif action.startswith("rate:"):
            source.set_rate(int(action.split(":", 1)[1]))
        elif action == "edit":
            self.box.focused, self._swallow_text = True, True
        elif action == "train":
            self.train()
        else:
            return False
        return True

    def start(self) -> None:
        if not self.box.focused and not self.box.text:  # the tab opens unfocused: 1-4 switch
            self.box.focused = True
            return
        if self.source.session is None:
            self.source.error = "No model yet: press Space to train one (Esc first if typing)."
            self._report()
            return
        self._prompt_version = self.box.version  # a refusal is about the text as it is
        self.source.begin(self.box.text)
        if not self._report():
            self.box.focused = False

    def train(self) -> None:
        state = self.source.state
        if state is not None and not state.finished and not state.error:
            self.ctx.toast("A model is already training: decoding uses it", "info")
            return
        self.source.start_own(self.ctx.training, self.ctx.datasets)
        self.ctx.toast("Training a small model; decoding starts after its first checkpoint", "info")

    def _report(self) -> bool:
        """Toast a refusal made here (the worker's own refusals are toasted by the app)."""
        if self.source.error:
            self.ctx.toast(self.source.error, "error")
            return True
        return False

    # ------------------------------------------------------------------ frame

    def update(self, dt: float) -> None:
        self._swallow_text = False
        self.box.update(dt)
        if self.box.version != self._prompt_version:  # editing clears the last refusal
            self._prompt_version, self.source.error = self.box.version, ""
        self.source.update(dt)

    def status(self) -> tuple[str, bool]:
        """The line under the prompt, and whether it is a refusal."""
        source = self.source
        if source.error:
            return source.error, True
        if source.session is None:
            return (
                "No model yet: press Space to train one (small model, Children's Stories).",
                False,
            )
        if not source.model_ready:
            return "Waiting for a model: decoding starts after its first checkpoint…", False
        state = source.state
        what = f"{state.label} · step {state.step:,}" + (
            " (training)" if not state.finished else ""
        )
        return {
            IDLE: f"Type a prompt and press Enter · model: {what}",
            WAITING: "Waiting for a model…",
            DECODING: f"Decoding at {source.rate} chars/s · model: {what}",
            "paused": f"Paused: P resumes, S steps · model: {what}",
            "done": f"Done: P continues, Enter starts again · model: {what}",
        }[source.phase], False

    def frame(self) -> Frame:
        source = self.source
        layers, heads = source.shape
        age = source.clock - source.arrived_at if source.arrived_at >= 0 else -1.0
        rated = source.phase == DECODING and source.rate > 0
        interval = 1.0 / source.rate if rated else STEP_SHOW
        live = source.step is not None and (source.phase == DECODING or 0 <= age < STEP_SHOW)
        stage, stage_layer = pass_stage(age, interval, layers) if live else (SAMPLE, -1)
        return Frame(source.step, source.text, min(len(source.text), source.origin), layers,
                     heads, self.selected_layer % max(1, layers), stage, stage_layer,
                     source.clock, source.phase, source.rate, live)  # fmt: skip

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        status, error = self.status()
        bar = pygame.Rect(rect.x, rect.y, rect.w, self.prompt.height())
        self.prompt.draw(surface, bar, status, error, RATES, self.source.rate)
        message = status if not self.source.text else ""
        self.layout.draw(surface, rect, self.frame(), message, bar.h)


TAB = DecodeTab
