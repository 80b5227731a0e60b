"""Tab 4, Decode Live: the current model writing one character at a time, its insides lit up."""

from __future__ import annotations

import pygame

from game.decode.flow_clock import SAMPLE, STEP_SHOW, pass_stage
from game.decode.frame import Frame
from game.decode.layout import DecodeLayout
from game.decode.prompt_bar import PromptBar
from game.decode.source import DECODING, IDLE, RATES, WAITING, DecodeSource
from game.keys import scoped_bindings
from game.tabs.base import Tab
from game.wording import count

SCOPE = "decode"


BINDINGS = scoped_bindings(SCOPE, [  # Space, S and F5-F9 are the shared training keys
    ("return", "decode", "Decode from the prompt (on an empty prompt: type one)", "start"),
    ("p", "pause", "Pause / resume the decode", "pause"),
    (".", "next_char", "One character (pauses a running decode)", "step"),
    ("l", "layer", "Next layer for the attention over the context", "layer"),
    ("-", "rate:-1", "Decode slower (1, 5, 20 or 50 characters a second)", "slower"),
    ("+,=", "rate:1", "Decode faster", "faster"),
    ("e,tab", "edit", "Edit the prompt (Esc leaves it, so the digits switch tabs)", "edit"),
])  # fmt: skip


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

    def followed(self):
        return self.source.session

    def do_decode(self) -> None:
        self.start()

    def do_pause(self) -> None:
        self.source.toggle_pause()

    def do_next_char(self) -> None:
        """One character; S (the shared key) steps training, as on every tab."""
        self._prompt_version = self.box.version  # a refusal is about the text as it is
        self.source.single_step(self.box.text)
        self._report()

    def do_layer(self) -> None:
        self.selected_layer = (self.selected_layer % max(1, self.source.shape[0])) + 1

    def do_rate(self, offset: str) -> None:
        index = RATES.index(self.source.rate) if self.source.rate in RATES else 0
        self.source.set_rate(RATES[min(max(index + int(offset), 0), len(RATES) - 1)])

    def do_edit(self) -> None:
        self.box.focused, self._swallow_text = True, True

    def start(self) -> None:
        if not self.box.focused and not self.box.text:  # the tab opens unfocused: 1-6 switch
            self.box.focused = True
            return
        if self.source.session is None:
            train, leave = self.key_label("play_pause"), self.key_label("back")
            self.source.error = (
                f"No model yet: press {train} to train one ({leave} first if typing)"
            )
            self._report()
            return
        self._prompt_version = self.box.version  # a refusal is about the text as it is
        self.source.begin(self.box.text)
        if not self._report():
            self.box.focused = False

    def start_training(self) -> None:
        """Space with nothing running: train a small model here to decode with."""
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
                f"No model yet: press {self.key_label('play_pause')} to train one "
                "(small model, Children's Stories).",
                False,
            )
        state = source.state
        if state is None or not source.model_ready:
            note = source.session.starting_note if source.session else ""
            return note or "Waiting for a model: decoding starts after its first checkpoint…", False
        pause, char = self.key_label("decode_pause"), self.key_label("decode_step")
        enter = self.key_label("decode_start")
        what = f"{state.label} · step {state.step:,}" + (
            " (training)" if not state.finished else ""
        )
        return {
            IDLE: f"Type a prompt and press {self.key_label('decode_start')} · model: {what}",
            WAITING: "Waiting for a model…",
            DECODING: f"Decoding at {count(source.rate, 'character')} a second · model: {what}",
            "paused": f"Paused: {pause} resumes, {char} steps · model: {what}",
            "done": f"Done: {pause} continues, {enter} starts again · model: {what}",
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
        keys = self.ctx.keys
        self.box.placeholder = f"Type a prompt and press {keys.label('decode_start')}"
        rate_keys = keys.hint("decode_slower", "decode_faster")
        self.prompt.draw(surface, bar, status, error, RATES, self.source.rate, rate_keys)
        message = status if not self.source.text else ""
        self.layout.draw(surface, rect, self.frame(), message, bar.h, self.footer_hints())

    def footer_hints(self) -> list[tuple[str, str]]:
        """The footer's (keys, what), most useful first; the row drops what does not fit."""
        keys = self.ctx.keys
        return [
            (keys.hint("decode_start"), "Decode"),
            (keys.hint("decode_pause"), "Pause decode"),
            (keys.hint("decode_step"), "One character"),
            (keys.hint("decode_slower", "decode_faster"), "Slower / faster"),
            (keys.hint("decode_layer"), "Layer"),
            (keys.hint("decode_edit"), "Edit prompt"),
            (keys.hint("play_pause"), "Train / pause training"),
        ]


TAB = DecodeTab
