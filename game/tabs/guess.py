"""Tab 6, Guess the next character: a visitor against the model at four points of its training."""

from __future__ import annotations

import random

import pygame

from game.guess.builder import CacheBuilder
from game.guess.frame import (
    AUTOPLAY,
    BUILDING,
    FINISHED,
    INITIALS,
    LOADING,
    MISSING,
    PAUSED,
    PLAYING,
    GuessFrame,
)
from game.guess.high_scores import INITIALS as MAX_INITIALS
from game.guess.high_scores import HighScores
from game.guess.layout import GuessLayout
from game.guess.line_game import MISSED, REPEATED, RIGHT, UNKNOWN, WRONG, LineGame
from game.guess.rows import player_rows
from game.keys import GLOBAL_BINDINGS, Binding, event_key
from game.tabs.base import Tab
from llmbreaker.guess import scoring
from llmbreaker.guess.cache import CacheProblem, GuessCache, cache_path, load

SCOPE = "guess"
AUTOPLAY_TRY = 0.35  # seconds between the model's tries when it plays alone
AUTOPLAY_REST = 6.0  # seconds its summary stays up before the next line
AUTOPLAY_STATUS = "The model plays alone: a letter or Enter takes over."


def _b(key: str, action: str, description: str, id_: str) -> Binding:
    return Binding(key, action, description, f"guess_{id_}", SCOPE)


BINDINGS = [
    _b("return", "next", "Next line once a line ends; go on guessing after Esc", "next"),
    _b("tab", "skip", "Another line (this one is not scored)", "skip"),
    # F2 works mid-line too (A is a guess there), so the attract tour can press it any time.
    _b("f2,a", "autoplay", "Watch the model play a line alone (a letter takes over)", "autoplay"),
    _b("b", "build", "Build the model's guesses if they are missing (about a minute)", "build"),
]
BACK = next(b for b in GLOBAL_BINDINGS if b.id == "back")
FOOTER = {"next": "Next line", "skip": "Another line", "autoplay": "The model plays alone"}


def typed(event: pygame.event.Event) -> str:
    """The one printable character a KEYDOWN types, or "" (modifier chords type nothing)."""
    if event.type != pygame.KEYDOWN or event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        return ""
    text = getattr(event, "unicode", "") or ""
    return text if len(text) == 1 and text.isprintable() else ""


class GuessTab(Tab):
    """The line on top; the visitor and each checkpoint scored below; today's best beside them."""

    id, title, key = SCOPE, "Guess the next character", "6"
    bindings = BINDINGS

    def __init__(self, ctx, cache_file=None, scores: HighScores | None = None, seed=None) -> None:
        super().__init__(ctx)
        self.cache_file = cache_file  # None: the per-user cache folder, read at first entry
        self.cache: GuessCache | None = None
        self.problem = ""  # why there is no cache
        self.scores = scores if scores is not None else HighScores()
        self.builder = CacheBuilder()
        self.layout = GuessLayout(ctx.theme)
        self.rng = random.Random(seed)
        self.order: list[int] = []  # shuffled line numbers still to come
        self.game: LineGame | None = None
        self.mode = MISSING
        self.status, self.status_kind = "", "info"
        self.initials = ""
        self.saved_place = 0
        self.clock = 0.0
        self.autoplay_at = 0.0
        self.load()  # read while the visitor is still on another tab

    # ------------------------------------------------------------------ lines

    def load(self) -> None:
        """Read the cache off the frame loop (about 0.1 s of parsing); the first line follows."""
        self.mode = LOADING
        path = self.cache_file or cache_path()
        self.ctx.background.submit("Loading the guessing game", lambda _progress: load(path),
                                   self._loaded, self._not_loaded)  # fmt: skip

    def _loaded(self, cache: GuessCache) -> None:
        self.cache, self.problem, self.order = cache, "", []
        self.new_line()

    def _not_loaded(self, error: Exception) -> None:
        self.cache, self.mode = None, MISSING
        self.problem = error.message if isinstance(error, CacheProblem) else str(error)

    def new_line(self, mode: str = PLAYING) -> None:
        if self.cache is None:
            return
        if not self.order:
            self.order = list(range(len(self.cache.lines)))
            self.rng.shuffle(self.order)
        self.game = LineGame(self.cache, self.order.pop())
        self.mode, self.initials, self.saved_place = mode, "", 0
        self.autoplay_at = self.clock + AUTOPLAY_TRY
        self.say("Type your guess for the next character: three tries.")

    def say(self, text: str, kind: str = "info") -> None:
        self.status, self.status_kind = text, kind

    def enter(self) -> None:
        if self.mode == PAUSED:
            self.mode = PLAYING

    def reset(self) -> None:
        """The idle reset: the next visitor gets a fresh line and an empty initials box."""
        if self.cache is not None and self.mode not in (BUILDING, LOADING):
            self.new_line()

    def close(self) -> None:
        self.builder.stop()

    # ------------------------------------------------------------------ input

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type != pygame.KEYDOWN:
            return False
        char = typed(event)
        if self.mode == PLAYING:
            if event_key(event) in BACK.keys:
                self.mode = PAUSED
                self.say(f"Paused: {self._label('next')} goes on guessing; letters and digits "
                         "are keys again.")  # fmt: skip
                return True
            if char and not char.isdigit():  # digits always switch tabs
                self.take_guess(char)
                return True
        elif self.mode == INITIALS:
            return self._initials_key(event, char)
        elif self.mode == AUTOPLAY and (char.isalpha() or event.key == pygame.K_RETURN):
            self.new_line()  # a visitor takes over
            return True
        return False

    def _initials_key(self, event: pygame.event.Event, char: str) -> bool:
        if char.isalpha() and char.isascii():
            self.initials = (self.initials + char.upper())[:MAX_INITIALS]
        elif event.key == pygame.K_BACKSPACE:
            self.initials = self.initials[:-1]
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.save_score()
        elif event_key(event) in BACK.keys:
            self.mode = FINISHED
            self.say("Not saved. " + self._next_hint())
        else:
            return False
        return True

    def take_guess(self, char: str) -> None:
        game, cache = self.game, self.cache
        if game is None or cache is None:
            return
        result = game.guess(char)
        shown = "space" if char == " " else f"'{char}'"
        if result == UNKNOWN:
            self.say(f"{shown} never appears in {cache.corpus_title}: try another "
                     "(no try used).", "bad")  # fmt: skip
        elif result == REPEATED:
            self.say(f"You already tried {shown}: try another (no try used).", "bad")
        elif result == WRONG:
            left = game.tries_left
            self.say(f"Not {shown}: {left} {'try' if left == 1 else 'tries'} left.", "bad")
        elif result in (RIGHT, MISSED):
            last = game.revealed[-1]
            if result == RIGHT:
                self.say(f"Right on try {last.rank}: +{last.visitor_bits:.2f} bits.", "good")
            else:
                true = "space" if last.char == " " else f"'{last.char}'"
                self.say(f"It was {true}: +{last.visitor_bits:.2f} bits.", "bad")
            if game.finished:
                self.finish(game)

    def finish(self, game: LineGame) -> None:
        you = game.visitor_mean()
        if self.mode == PLAYING and you is not None and self.scores.qualifies(you):
            self.mode = INITIALS
            self.say(f"A place on today's list! Type your initials, {self._label('next')} saves.",
                     "good")  # fmt: skip
        else:
            self.mode = FINISHED if self.mode == PLAYING else self.mode
            self.say(self._next_hint())

    def save_score(self) -> None:
        you = self.game.visitor_mean() if self.game is not None else None
        if you is None:
            return
        self.saved_place = self.scores.add(self.initials, you)
        self.mode = FINISHED
        self.say(f"Saved: number {self.saved_place} today. " + self._next_hint(), "good")

    def _next_hint(self) -> str:
        return f"{self._label('next')} plays another line."

    @staticmethod
    def _label(action: str) -> str:
        return next(b.label for b in BINDINGS if b.action == action)

    def handle_action(self, action: str) -> bool:
        if action == "next":
            if self.mode == PAUSED:
                self.mode = PLAYING
                self.say("Type your guess for the next character.")
            elif self.mode in (FINISHED, AUTOPLAY) or self.game is None:
                self.new_line()
            else:
                return False
        elif action == "skip" and self.game is not None:
            self.new_line(AUTOPLAY if self.mode == AUTOPLAY else PLAYING)
        elif action == "autoplay" and self.game is not None:
            if self.mode == AUTOPLAY:
                self.new_line()
            else:
                self.new_line(AUTOPLAY)
                self.say("The model at its last step plays alone, its top three as its tries.")
        elif action == "build":
            self.build()
        else:
            return False
        return True

    def build(self) -> None:
        if self.mode == BUILDING:
            self.ctx.toast("The model's guesses are already being built", "info")
            return
        if self.mode != MISSING:
            self.ctx.toast("The model's guesses are ready: nothing to build", "info")
            return
        error = self.builder.start()
        if error:
            self.problem = error
            self.ctx.toast(error, "error")
            return
        self.mode = BUILDING

    # ------------------------------------------------------------------ frame

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.mode == BUILDING:
            self._follow_build()
        elif self.mode == AUTOPLAY and self.game is not None:
            self._autoplay(self.game)

    def _follow_build(self) -> None:
        code = self.builder.poll()
        if code is None:
            return
        if code == 0:
            self.ctx.toast("The model's guesses are ready", "info")
            self.load()
        else:
            self.mode = MISSING
            self.problem = f"The build failed: {self.builder.failure()}"
            self.ctx.toast(self.problem, "error")

    def _autoplay(self, game: LineGame) -> None:
        if self.clock < self.autoplay_at:
            return
        if game.finished:
            self.new_line(AUTOPLAY)
            return
        tries = game.model_tries()
        self.take_guess(tries[len(game.tries)])
        self.autoplay_at = self.clock + (AUTOPLAY_REST if game.finished else AUTOPLAY_TRY)

    def frame(self) -> GuessFrame:
        cache, game = self.cache, self.game
        shown = {"build": "Build the model's guesses"} if cache is None else FOOTER
        keys = tuple((b.label, shown[b.action]) for b in BINDINGS if b.action in shown)
        if cache is None or game is None:
            return self.layout.empty_frame(self.mode, self._message(), keys, self.clock)
        autoplay = self.mode == AUTOPLAY
        rows = player_rows(game, "The model's tries" if autoplay else "You")
        number = game.index + 1
        return GuessFrame(
            mode=self.mode,
            title=f"Line {number} of {len(cache.lines)} · held out from {cache.corpus_title}: "
            "the model never trained on it",
            lead=game.line.lead,
            text=game.line.text,
            revealed=tuple(game.revealed),
            tries=tuple(game.tries),
            status=AUTOPLAY_STATUS if autoplay and not game.finished else self.status,
            status_kind="info" if autoplay else self.status_kind,
            rows=rows,
            last_char=game.revealed[-1].char if game.revealed else "",
            summary=tuple(game.summary(autoplay)) if game.finished else (),
            initials=self.initials,
            best=tuple(self.scores.today_list()),
            best_mark=self.saved_place,
            rule=scoring.RULE,
            keys=self._footer_keys(keys),
            message=(),
            now=self.clock,
        )

    def _footer_keys(self, keys: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        if self.mode == INITIALS:
            return (self._label("next"), "Save your initials"), (BACK.label, "Skip")
        if self.mode == PLAYING:
            return (BACK.label, "Pause typing"), *keys
        return keys

    def _message(self) -> tuple[str, ...]:
        build_key = self._label("build")
        if self.mode == LOADING:
            return ("Loading the model's guesses…",)
        if self.mode == BUILDING:
            return ("Building the model's guesses: training once on Children's Stories and "
                    "keeping four checkpoints.", "About a minute; the rest of the exhibit keeps "
                    "running.", self.builder.last_line)  # fmt: skip
        return (self.problem or "The model's guesses are not loaded.",
                f"Press {build_key} to build them now (about a minute), or run "
                "`llmbreaker guess build` (make run does it).")  # fmt: skip

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        self.layout.draw(surface, rect, self.frame())


TAB = GuessTab
