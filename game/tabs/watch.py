"""Watch It Learn: pick a corpus, train live, see the loss fall and gibberish turn into words."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.keys import Binding
from game.style.draft import check_file
from game.style.path_prompt import PathPrompt
from game.tabs.base import AppContext, Tab
from game.tabs.watch_milestones import MEMORISING, Milestones
from game.theme import ease_out_cubic
from game.widgets.dataset_picker import DatasetPicker, PickerEntry
from game.widgets.error_panel import draw_error_panel
from game.widgets.loss_chart import LossChart
from game.widgets.text_progression import TextProgression
from game.widgets.training_controls import TrainingControls
from llmbreaker import messages as m
from llmbreaker.config import DEFAULT_PRESET, LONG_PRESET, session_config
from llmbreaker.datasets import list_datasets
from llmbreaker.errors import LLMBreakerError

SHOW_DATASETS = ("shakespeare", "poems", "childrens_stories")
EXHIBIT_SPEED = "max"  # the exhibit's default: a visitor sees words within seconds
CONFIRM_SECONDS = 4.0
SCOPE = "watch"

BINDINGS = [  # Space, S and the speed keys are the shared ones (game.keys.SESSION_BINDINGS)
    Binding("right", "next", "Next checkpoint; one step when paused at the newest", "next", SCOPE),
    Binding("left", "previous", "Previous checkpoint: its point and its sample", "previous", SCOPE),
    Binding("end", "latest", "Follow the newest checkpoint again", "latest", SCOPE),
    Binding("backspace", "stop", "Stop training", "stop", SCOPE),
    Binding("r", "replay", "Replay from scratch (also restarts after a crash)", "replay", SCOPE),
    Binding("up", "pick:-1", "Previous dataset", "pick_up", SCOPE),
    Binding("down", "pick:1", "Next dataset", "pick_down", SCOPE),
    Binding("return", "train_picked", "Train on the chosen dataset", "train_picked", SCOPE),
    Binding("o", "open", "Open a .txt or .docx by typing its path", "watch_open", SCOPE),
    Binding("l", "long_demo", "Long demo on or off: a bigger model, a minute", "watch_long", SCOPE),
]


def bundled_entries(datasets) -> list[PickerEntry]:
    infos = list_datasets() if datasets is None else datasets
    shown = [i for i in infos if i.name in SHOW_DATASETS or datasets is not None]
    return [PickerEntry.from_info(i) for i in shown or infos]


class WatchTab(Tab):
    id = SCOPE
    title = "Watch It Learn"
    restart_bindings = {SCOPE: "replay"}
    key = "1"
    bindings = BINDINGS

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.controls = TrainingControls(ctx.theme, ctx.keys)
        self.areas: dict[str, pygame.Rect] = {}  # where the last frame drew each part
        self.reset()

    def reset(self) -> None:
        """The bundled corpora only (a dropped file goes), the first one picked, nothing drawn."""
        ctx = self.ctx
        self.picker = DatasetPicker(ctx.theme, bundled_entries(ctx.datasets))
        self.chart = LossChart(ctx.theme)
        self.text = TextProgression(ctx.theme)
        self.path_prompt = PathPrompt(ctx.theme)  # O: a visitor's file without a mouse
        self.milestones: Milestones | None = None
        self.speed = ctx.training.get("speed", EXHIBIT_SPEED)
        self.preset = self.usual_preset = ctx.training.get("preset", DEFAULT_PRESET)
        self.caption_age = 0.0
        self._generation = -1
        self._swallow_text = False
        self._confirm_left = 0.0

    # ---------------------------------------------------------------- session

    @property
    def session(self):
        return self.ctx.sessions.get(self.id)

    @property
    def state(self):
        return self.session.state if self.session else None

    def start(self, entry: PickerEntry | None = None) -> None:
        entry = entry or self.picker.selected
        if entry is None:
            return
        if not entry.available:
            self.ctx.toast(
                f"{entry.title} is not prepared yet. Run: llmbreaker datasets prepare", "error"
            )
            return
        options = dict(self.ctx.training)
        options.pop("preset", None)
        options.pop("speed", None)
        try:
            config = session_config(
                self.preset,
                dataset=entry.name,
                text=entry.text,
                label=entry.title,
                speed=self.speed or EXHIBIT_SPEED,
                **options,
            )
        except LLMBreakerError as exc:
            self.ctx.toast(exc.message, "error")
            return
        self.ctx.sessions.start(self.id, config)

    def send(self, command: m.Command) -> None:
        if self.session:
            self.ctx.sessions.send(self.id, command)

    # ---------------------------------------------------------------- input

    def start_training(self) -> None:
        """Space with nothing running: train the picked corpus (a crashed run restarts)."""
        state = self.state
        if state is not None and state.status == "error":
            self.ctx.sessions.restart(self.id)
        else:
            self.start()

    def do_next(self) -> None:
        if self.state and self.state.status == "paused" and self.chart.cursor is None:
            self.do_step()  # at the newest checkpoint, → steps
        else:
            self.chart.move_cursor(1)

    def do_previous(self) -> None:
        self.chart.move_cursor(-1)

    def do_latest(self) -> None:
        self.chart.cursor = None

    def do_stop(self) -> None:
        if self.state and not self.state.finished:
            self.send(m.Stop())

    def do_replay(self) -> None:
        if self.session:
            self.ctx.sessions.restart(self.id)
        else:
            self.start()

    def do_long_demo(self) -> None:
        """Switch the next run between the usual demo and the long one."""
        long = self.preset != LONG_PRESET
        self.preset = LONG_PRESET if long else self.usual_preset
        start = self.key_label("play_pause" if self.session is None else "train_picked")
        what = "Long demo: a bigger model, about a minute" if long else "The usual demo again"
        self.ctx.toast(f"{what}. Press {start} to train it.", "info")

    def do_pick(self, offset: str) -> None:
        self.picker.move(int(offset))

    def do_train_picked(self) -> None:
        self.train_picked(self.state)

    def do_open(self) -> None:
        self.path_prompt.show()
        self._swallow_text = True

    def train_picked(self, state) -> None:
        """Start the picked corpus; replacing a run in progress takes a second Enter."""
        picked = self.picker.selected
        if state and not state.finished and self._confirm_left <= 0 and picked is not None:
            self._confirm_left = CONFIRM_SECONDS
            self.ctx.toast(
                f"Press {self.key_label('train_picked')} again to stop this run and train on "
                f"{self.picker.selected.title if self.picker.selected else 'it'}",
                "info",
            )
            return
        self._confirm_left = 0.0
        self.start()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT and self._swallow_text:
            self._swallow_text = False  # the "o" that opened the prompt is not part of the path
            return True
        if self.path_prompt.handle_event(event):
            return True
        if event.type == pygame.DROPFILE:
            self.load_dropped(event.file)
            return True
        return False

    def load_dropped(self, path: str) -> None:
        """Read and clean the file off the frame loop (5 MB take about a second)."""
        name = Path(path).name
        self.ctx.background.submit(
            f"Opening {name}",
            lambda progress: check_file(path),
            lambda loaded: self._add_loaded(name, loaded),
            lambda error: self.ctx.toast(f"{name}: {getattr(error, 'message', error)}", "error"),
        )

    def _add_loaded(self, name: str, loaded) -> None:
        self.picker.add(
            PickerEntry(
                f"Your file: {name}",
                loaded.characters,
                loaded.vocab_size,
                loaded.words,
                loaded.notice or "Your own text.",
                text=loaded.text,
            )
        )
        self.ctx.toast(
            f"Loaded {name}. Press {self.key_label('train_picked')} to train on it.", "info"
        )

    # ---------------------------------------------------------------- frame

    def update(self, dt: float) -> None:
        self._confirm_left = max(0.0, self._confirm_left - dt)
        self._swallow_text = False
        self.path_prompt.update(dt)
        if self.path_prompt.submitted:
            path, self.path_prompt.submitted = self.path_prompt.submitted, None
            self.load_dropped(path)
        session = self.session
        if session is None:
            return
        if session.generation != self._generation:
            self._generation = session.generation
            self.milestones = Milestones(session.config.dataset, session.config.text)
            self.chart.cursor = None
        state = session.state
        self.speed = state.speed if state.info else self.speed
        self.chart.set_checkpoints(state.checkpoints, state.max_iters)
        self.chart.set_live(session.live_losses)
        self.chart.update(dt)
        self.text.set_samples(state.checkpoints)
        self.text.selected = self.chart.cursor
        self.text.update(dt)
        milestones = self.milestones
        if milestones is None:  # made with the session, just above
            return
        before = len(milestones.captions)
        milestones.update(state)
        self.caption_age = 0.0 if len(milestones.captions) != before else self.caption_age + dt

    def layout(self, rect: pygame.Rect) -> dict[str, pygame.Rect]:
        theme = self.theme
        gap = theme.px(3)
        left_w = round(rect.w * 0.28)
        picker_h = round(rect.h * 0.57)
        right = pygame.Rect(rect.x + left_w + gap, rect.y, rect.w - left_w - gap, rect.h)
        chart_h = round(right.h * 0.42)
        caption_h = theme.px(7)
        return {
            "picker": pygame.Rect(rect.x, rect.y, left_w, picker_h),
            "controls": pygame.Rect(
                rect.x, rect.y + picker_h + gap, left_w, rect.h - picker_h - gap
            ),
            "chart": pygame.Rect(right.x, right.y, right.w, chart_h),
            "caption": pygame.Rect(right.x, right.y + chart_h, right.w, caption_h),
            "text": pygame.Rect(
                right.x, right.y + chart_h + caption_h, right.w, right.h - chart_h - caption_h
            ),
            "right": right,
        }

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        areas = self.areas = self.layout(rect)
        self.picker.draw(surface, areas["picker"])
        if self.path_prompt.visible:
            self._draw_path_prompt(surface, areas["picker"])
        note = self.session.starting_note if self.session else ""
        self.controls.draw(surface, areas["controls"], self.state, self.speed or "", note)
        state = self.state
        if state and state.status == "error":
            message = state.error.message if state.error else "The training process ended."
            hint = f"Press {self.key_label('replay')} to restart"
            draw_error_panel(self.theme, surface, areas["right"], message, hint)
            return
        self.chart.draw(surface, areas["chart"])
        self._draw_caption(surface, areas["caption"])
        self.text.draw(surface, areas["text"])

    def _draw_path_prompt(self, surface, picker: pygame.Rect) -> None:
        theme = self.theme
        height = theme.font("sm", mono=True).get_linesize() + theme.font("xs").get_linesize()
        area = pygame.Rect(picker.x, picker.bottom - height - theme.px(5), picker.w,
                           height + theme.px(5))  # fmt: skip
        pygame.draw.rect(surface, theme.colour["raised"], area, border_radius=theme.px(1))
        self.path_prompt.draw(surface, area.inflate(-theme.px(2), -theme.px(2)))

    def _draw_caption(self, surface, rect: pygame.Rect) -> None:
        theme = self.theme
        if self.milestones is None or not self.milestones.latest:
            start = self.key_label("play_pause")
            demo = " the long demo" if self.preset == LONG_PRESET else " training"
            caption = f"Press {start} to start{demo}." if self.session is None else ""
        else:
            caption = self.milestones.latest
        if not caption:
            return
        t = ease_out_cubic(self.caption_age / 0.4)
        colour = "success" if caption.startswith(("First", "Validation", "Done")) else "text2"
        if caption.startswith(MEMORISING):
            colour = "warning"
        label = theme.text(caption, "lg", colour, bold=True)
        if label.get_width() > rect.w - theme.px(2):  # a long file name or number: one size down
            label = theme.text(caption, "base", colour, bold=True)
        label.set_alpha(round(255 * t))
        y = rect.centery - label.get_height() // 2 + round((1 - t) * theme.px(2))
        surface.blit(label, (rect.x + theme.px(1), y))
        label.set_alpha(None)


TAB = WatchTab
