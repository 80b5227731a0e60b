"""Tab 3, Style Transfer: a base model that knows English, tuned on a visitor's writing."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.keys import scoped_bindings
from game.style import clipboard
from game.style.before_after import BeforeAfter
from game.style.draft import EMPTY, READY, Check, check_file, check_typed
from game.style.examples import EXAMPLES
from game.style.frame import DONE, IDLE, TRAINING, WRITING, StyleFrame
from game.style.layout import StyleLayout
from game.style.loss_panel import StyleLossChart
from game.style.path_prompt import PathPrompt
from game.style.results import StyleResult, from_transfer, preview
from game.style.side_by_side import SideBySide
from game.style.text_box import TextBox
from game.tabs.base import Tab
from llmbreaker import messages as m
from llmbreaker.charset import dropped_notice
from llmbreaker.errors import LLMBreakerError
from llmbreaker.limits import MAX_TYPED_CHARS
from llmbreaker.style_recipe import (
    FINE_TUNE,
    GENERATE_LENGTH,
    SAMPLE_COUNT,
    prepare_text,
    style_session_config,
)
from llmbreaker.style_report import measure_transfer
from llmbreaker.text_input import LoadedText

SCOPE = "style"
INPUT, RESULTS = "input", "results"


class StyleTab(Tab):
    """Input (type, paste, drop, open) -> fine-tuning with the loss chart -> before and after."""

    id, title, key = SCOPE, "Style Transfer", "3"
    restart_bindings = {SCOPE: f"{SCOPE}_restart"}
    bindings = scoped_bindings(SCOPE, [  # Space, S and F5-F9: the shared training keys
        ("ctrl+return,return", "train", "Tune the model on your text (~15 s)", "train"),
        ("e,tab", "edit", "Edit your text (Esc leaves the text box)", "edit"),
        ("ctrl+v", "paste", "Paste from the clipboard into the text box", "paste"),
        ("ctrl+o,o", "open", "Open a .txt or .docx by typing its path", "open"),
        ("l", "example", "Try an example text (press again for another)", "example"),
        ("g", "generate", "Write a new sample in your style", "generate"),
        ("backspace", "stop", "Stop training early", "stop"),
        ("r", "restart", "Train again on the same text", "restart"),
        ("v", "results", "Back to the side-by-side results", "results"),
    ])  # fmt: skip

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.reset()

    def reset(self) -> None:
        """An empty text box: the last visitor's text, file, results and samples are gone."""
        theme = self.ctx.theme
        self.box = TextBox(theme)
        self.path_prompt = PathPrompt(theme)
        self.side = SideBySide(theme)
        self.before_after = BeforeAfter(theme, self.side, self.ctx.keys)
        self.chart = StyleLossChart(theme)
        self.chart.set_checkpoints([], FINE_TUNE["max_iters"])  # never a max_step of 0
        self.layout = StyleLayout(self)
        self.mode = INPUT
        self.from_file: LoadedText | None = None  # the last file opened, while the box holds it
        self.check: Check = check_typed("")
        self.inline_error: str | None = None
        self._checked_version = -1
        self._swallow_text = False  # drop the character of the key that focused the box
        self._example = -1
        self.trained_text = ""  # the text the run learns, in the base's alphabet
        self.trained_from = ""  # the box's text when training started
        self.session_generation: int | None = None
        self.generate_sent = False
        self.result: StyleResult | None = None
        self._preview: tuple[int, StyleResult] | None = None
        self._preview_pending = False
        self._measured = ""  # the after text the result was measured on
        self.frame = self._gather()

    # ------------------------------------------------------------------ session

    @property
    def session(self):
        session = self.ctx.sessions.get(self.id)
        if session is None or session.generation != self.session_generation:
            return None
        return session

    def train(self) -> None:
        self._refresh_check()
        loaded = self.check.loaded
        if self.check.status != READY or loaded is None:
            self.refuse(self.check.message)
            return
        text, dropped = prepare_text(loaded.text)
        notice = dropped_notice(dropped)
        if notice:
            self.ctx.toast(notice, "info")
        session = self.ctx.sessions.start(self.id, style_session_config(text))
        self.session_generation = session.generation
        self._reset_run(text)
        self.trained_from = self.box.text
        self.box.focused, self.mode = False, RESULTS

    def _reset_run(self, text: str = "") -> None:
        self.trained_text, self.generate_sent, self.result = text, False, None
        self._measured = ""
        self.side.footer = ""
        self.side.set_texts(text, "")

    def forget_run(self) -> None:
        """The visitor edits the text: the old run's results no longer describe it."""
        session = self.session
        if session is not None and not session.state.finished:
            self.ctx.sessions.send(self.id, m.Stop())
        self.session_generation = None
        self._reset_run()

    def _follow_session(self) -> None:
        session = self.session
        if session is None:
            return
        state = session.state
        self.chart.set_live(session.live_losses)
        before = state.before
        ended = state.status in ("completed", "stopped")
        if ended and not self.generate_sent and before is not None:
            self.ctx.sessions.send(
                self.id, m.Generate(before.prompt, GENERATE_LENGTH, before.seed, SAMPLE_COUNT)
            )
            self.generate_sent = True
        after, probs = self.generated_text(state)
        self.side.set_texts(self.trained_text, after, state.info.prompt if state.info else "")
        final = self.generate_sent and state.last_generated is not None
        if final and before is not None and self._measured != after and state.checkpoints:
            generated = state.last_generated
            best = min(c.val_loss for c in state.checkpoints)
            transfer = measure_transfer(
                self.trained_text,
                (before.text, *before.more),
                (generated.text, *generated.more),
                state.checkpoints[0].val_loss,
                best,
            )
            self.result = from_transfer(transfer, probs)
            self.side.footer = (
                f"Copied verbatim from your text: {transfer.verbatim:.0%} of "
                f"20-character pieces  ·  real words {transfer.real_words:.0%}"
            )
            self._measured = after  # fmt: skip

    def generated_text(self, state) -> tuple[str, tuple[float, ...]]:
        """The final text once it is written, else the newest checkpoint's sample."""
        prompt = state.info.prompt if state.info else ""
        if state.last_generated is not None and self.generate_sent:
            return prompt + state.last_generated.text, state.last_generated.probs
        if state.latest is not None and state.latest.step > 0:
            return prompt + state.latest.sample, state.latest.sample_probs
        return "", ()

    def _gather(self) -> StyleFrame:
        session = self.session
        if session is None:
            return StyleFrame(IDLE, "", 0, FINE_TUNE["max_iters"], None, "", "", "", False, (),
                              False)  # fmt: skip
        state = session.state
        final = self.generate_sent and state.last_generated is not None
        if state.status == "error" or final:
            phase = DONE
        elif state.finished:
            phase = WRITING
        else:
            phase = TRAINING
        before = state.before
        wall = state.completed.wall_time if state.completed else None
        return StyleFrame(
            phase,
            state.status,
            state.step,
            state.max_iters or FINE_TUNE["max_iters"],
            wall,
            state.info.prompt if state.info else "",
            before.text if before else "",
            self.side.generated,
            final,
            tuple(state.checkpoints),
            state.finished and state.step < state.max_iters,
        )

    # ------------------------------------------------------------------ input

    def refuse(self, message: str) -> None:
        """Bad input: say so inline and in a toast; the text in the box stays as it was."""
        self.inline_error = message
        self.ctx.toast(message, "error")

    def open_file(self, path: str) -> None:
        """Read and clean the file off the frame loop (5 MB take about a second)."""
        name = Path(str(path).strip().strip('"').strip("'")).name or str(path)
        self.ctx.background.submit(
            f"Opening {name}", lambda progress: check_file(path), self._opened, self._not_opened
        )

    def _not_opened(self, error: Exception) -> None:
        if isinstance(error, LLMBreakerError):
            self.refuse(error.message)
        else:
            self.refuse(f"Could not open that file: {error}")

    def _opened(self, loaded) -> None:
        self.from_file = loaded
        self.box.max_chars = max(MAX_TYPED_CHARS, loaded.characters)
        self.box.set_text(loaded.text)
        self.mode, self.inline_error = INPUT, None
        self.ctx.toast(f"Opened {loaded.source}: {loaded.words:,} words.", "info")
        if loaded.notice:
            self.ctx.toast(loaded.notice, "info")

    def focus_box(self) -> None:
        self.mode, self.box.focused, self._swallow_text = INPUT, True, True

    def _refresh_check(self) -> None:
        if self._checked_version != self.box.version:
            self._checked_version = self.box.version
            if self.from_file is not None and self.from_file.text != self.box.text:
                self.from_file, self.box.max_chars = None, MAX_TYPED_CHARS
            self.check = check_typed(self.box.text, self.from_file)
            self.inline_error = None
            if self.session_generation is not None and self.box.text != self.trained_from:
                self.forget_run()

    def style_preview(self) -> StyleResult | None:
        if self.result is not None and self.mode == RESULTS:
            return self.result
        loaded = self.check.loaded
        if self.check.status != READY or loaded is None:
            return None
        version = self.box.version
        if self._preview is None or self._preview[0] != version:
            self._measure_preview(version, loaded.text)
            return None  # drawn blank for the frames the thread takes
        return self._preview[1]

    def _measure_preview(self, version: int, text: str) -> None:
        """Style numbers off the frame loop: a 5-million-character file takes seconds."""
        if self._preview_pending:
            return  # one at a time; the next frame asks again for the newest text
        self._preview_pending = True

        def measured(result) -> None:
            self._preview_pending, self._preview = False, (version, result)

        def failed(error: Exception) -> None:
            self._preview_pending = False

        self.ctx.background.submit(
            "Measuring your text", lambda progress: preview(text), measured, failed
        )

    # ------------------------------------------------------------------ events

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT and self._swallow_text:
            self._swallow_text = False
            return True
        if self.path_prompt.handle_event(event):
            return True
        if event.type == pygame.DROPFILE:
            self.open_file(event.file)
            return True
        if event.type == pygame.KEYDOWN:
            self._swallow_text = False
            if self.box.focused and event.key in (pygame.K_ESCAPE, pygame.K_TAB):
                self.box.focused = False
                return True
        if self.mode != INPUT:
            return False
        consumed = self.box.handle_event(event)
        if self.box.refused:
            self.refuse(self._refusal(self.box.refused))
            self.box.refused = None
        return consumed

    def _refusal(self, message: str) -> str:
        """Why typing was refused, in the visitor's terms: a huge file is not a typed text."""
        loaded = self.from_file
        if loaded is not None and loaded.characters > MAX_TYPED_CHARS:
            return (f"{loaded.source} has {loaded.characters:,} characters, more than the "
                    f"{MAX_TYPED_CHARS:,} you can type: train on it as it is, or Ctrl+A then "
                    f"Backspace to clear it.")  # fmt: skip
        return message

    def followed(self):
        return self.session

    def start_training(self) -> None:
        self.train()

    def do_train(self) -> None:
        self.train()

    def do_edit(self) -> None:
        self.focus_box()

    def do_paste(self) -> None:
        self.focus_box()
        self._swallow_text = False
        if not self.box.insert(clipboard.get_text()):
            self.refuse(self.box.refused or "Nothing to paste.")
            self.box.refused = None

    def do_open(self) -> None:
        self.path_prompt.show()
        self._swallow_text = True

    def do_example(self) -> None:
        self._example = (self._example + 1) % len(EXAMPLES)
        self.from_file = None
        self.box.set_text(EXAMPLES[self._example][1])
        self.mode = INPUT

    def do_generate(self) -> None:
        session = self.session
        if session and session.state.finished and session.state.info:
            prompt = session.state.info.prompt  # a new draw of the samples the figures read
            self.ctx.sessions.send(self.id, m.Generate(prompt, GENERATE_LENGTH, None, SAMPLE_COUNT))
            self.generate_sent, self.mode = True, RESULTS

    def do_stop(self) -> None:
        session = self.session
        if session and not session.state.finished:
            self.ctx.sessions.send(self.id, m.Stop())

    def do_restart(self) -> None:
        if self.session:
            self.session_generation = self.ctx.sessions.restart(self.id).generation
            self._reset_run(self.trained_text)
            self.mode = RESULTS

    def do_results(self) -> None:
        if self.session:
            self.mode, self.box.focused = RESULTS, False

    # ------------------------------------------------------------------ frame

    def update(self, dt: float) -> None:
        self._swallow_text = False
        self.box.update(dt)
        self.path_prompt.update(dt)
        self._refresh_check()
        if self.path_prompt.submitted:
            path, self.path_prompt.submitted = self.path_prompt.submitted, None
            self.open_file(path)
        self._follow_session()
        self.side.update(dt)
        self.chart.update(dt)
        self.frame = self._gather()

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        self.layout.draw(surface, rect)

    @property
    def status(self) -> str:
        """empty / invalid / ready / training / completed / ...: what tests and captions read."""
        session = self.session
        if session is not None:
            return session.state.status
        return self.check.status if self.check.status != EMPTY or not self.box.text else EMPTY


TAB = StyleTab
