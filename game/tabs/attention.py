"""Tab 2, Attention Cinema: attention forming out of noise as tiles, one head, 3D bars, a film."""

from __future__ import annotations

import numpy as np
import pygame

from game.attention import export
from game.attention.frame import BARS, DETAIL, OVERVIEW, CinemaFrame
from game.attention.head_captions import caption_heads
from game.attention.interpolate import blend, step_at
from game.attention.side_panel import key_hints
from game.attention.source import AttentionSource
from game.attention.tab_layout import CinemaLayout
from game.attention.timeline import Timeline
from game.attention.view3d import Bars3DView
from game.keys import scoped_bindings
from game.tabs.base import Tab

TAB_ID = "attention"


BINDINGS = scoped_bindings(TAB_ID, [  # Space, S and F5-F9: the shared training keys
    ("tab,v,return", "view", "Overview of every head ↔ one head in detail", "view"),
    ("d", "dims", "Detail: flat heatmap ↔ 3D bars (height = attention)", "dims"),
    ("],h", "head_next", "Next head", "head_next"),
    ("[", "head_prev", "Previous head", "head_prev"),
    ("pagedown,l", "layer_next", "Next layer", "layer_next"),
    ("pageup", "layer_prev", "Previous layer", "layer_prev"),
    ("left", "move:left", "Cursor left / pick a tile / turn the 3D view", "left"),
    ("right", "move:right", "Cursor right / pick a tile / turn the 3D view", "right"),
    ("up", "move:up", "Cursor up / pick a tile / tilt the 3D view", "up"),
    ("down", "move:down", "Cursor down / pick a tile / tilt the 3D view", "down"),
    ("+,=", "move:zoom_in", "Zoom in (3D)", "zoom_in"),
    ("-", "move:zoom_out", "Zoom out (3D)", "zoom_out"),
    (",", "back_one", "One checkpoint back", "back_one"),
    (".", "forward_one", "One checkpoint forward", "forward_one"),
    ("home", "first", "Jump to step 0", "first"),
    ("end", "live", "Jump to the newest checkpoint and follow training", "live"),
    ("p", "play", "Play the film of checkpoints / pause", "play"),
    ("t", "rate", "Play speed: 0.5, 1, 2 or 4 checkpoints a second", "rate"),
    ("g", "gif", "Save a GIF of this head over every checkpoint", "gif"),
    ("x", "png", "Save a PNG of this view", "png"),
])  # fmt: skip


class AttentionTab(Tab):
    """Overview tiles, a detail head (2D or 3D) and a timeline over the shown session."""

    id = TAB_ID
    title = "Attention Cinema"
    key = "2"
    bindings = BINDINGS
    opaque = True  # CinemaLayout paints its whole rect

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.view3d = Bars3DView()  # kept across resets: it owns the GL objects
        self.reset()

    def reset(self) -> None:
        """The overview of every head, live, first head picked, no film playing."""
        self.source = AttentionSource(self.ctx.sessions)
        self.timeline = Timeline()
        self.view3d.pending_yaw = self.view3d.pending_pitch = 0.0
        self.view3d.pending_zoom = 1.0
        self.detail = False
        self.three_d = False
        self.selected = (0, 0)
        self.cursor = (10, 9)
        self.pending_png = False
        self.notice = ""
        self.shown: np.ndarray | None = None  # (layer, head, T) blended attention on screen
        self.captions: dict = {}
        self._cache_key: tuple | None = None
        self._caption_key: tuple | None = None
        self._hints_version: tuple | None = None
        self._hints: tuple[tuple[str, str], ...] = ()
        self.layout = CinemaLayout(self.theme, self.view3d)

    @property
    def tiles(self) -> dict:
        """(layer, head) -> tile rect, as last drawn."""
        return self.layout.tiles

    @property
    def detail_rect(self):
        """The detail heatmap's rect, as last drawn."""
        return self.layout.detail_rect

    # ------------------------------------------------------------------ actions

    def followed(self):
        return self.source.session

    def start_training(self) -> None:
        """Space with nothing running: train a model here, with frequent checkpoints."""
        self.source.start_own(self.ctx.training)
        self.ctx.toast("Training a model to watch its attention form", "info")

    def do_view(self) -> None:
        self.detail = not self.detail

    def do_dims(self) -> None:
        self.detail = True
        self.three_d = not self.three_d
        if self.three_d and not self.view3d.available:
            self._fall_back_to_2d()

    def _fall_back_to_2d(self) -> None:
        self.three_d = False
        self.notice = f"3D is not available here, showing 2D ({self.view3d.reason})"
        self.ctx.toast("3D view unavailable: showing the 2D heatmap", "error")

    def _pick(self, d_layer: int, d_head: int) -> None:
        layers, heads = self.source.shape
        if not layers:
            return
        index = self.selected[0] * heads + self.selected[1] + d_head + d_layer * heads
        index %= layers * heads
        self.selected = divmod(index, heads)

    def do_head_next(self) -> None:
        self._pick(0, 1)

    def do_head_prev(self) -> None:
        self._pick(0, -1)

    def do_layer_next(self) -> None:
        self._pick(1, 0)

    def do_layer_prev(self) -> None:
        self._pick(-1, 0)

    def do_move(self, action: str) -> None:
        if self.detail and self.three_d:
            self.view3d.steer(action)
        elif self.detail:
            d_row, d_col = {"left": (0, -1), "right": (0, 1), "up": (-1, 0), "down": (1, 0)}.get(
                action, (0, 0)
            )
            last = max(1, len(self.source.probe)) - 1
            query = min(max(self.cursor[0] + d_row, 0), last)
            key = min(max(self.cursor[1] + d_col, 0), query)  # a query sees only the past
            self.cursor = (query, key)
        else:
            d_layer, d_head = {"left": (0, -1), "right": (0, 1), "up": (-1, 0), "down": (1, 0)}.get(
                action, (0, 0)
            )
            self._pick(d_layer, d_head)

    def do_back_one(self) -> None:
        self.timeline.step(-1)

    def do_forward_one(self) -> None:
        self.timeline.step(1)

    def do_first(self) -> None:
        self.timeline.jump_start()

    def do_live(self) -> None:
        self.timeline.jump_live()

    def do_play(self) -> None:
        self.timeline.toggle_play()

    def do_rate(self) -> None:
        self.timeline.cycle_rate()

    def do_gif(self) -> None:
        layer, head = self.selected
        frames = [(step, matrix.copy()) for step, matrix in self.source.head_frames(layer, head)]
        if not frames:
            self.ctx.toast("No checkpoints yet: nothing to export", "error")
            return
        exports = self.ctx.exports  # set once the context is built
        if exports is None:
            return
        exports.save(
            f"attention-L{layer}H{head}",
            ".gif",
            lambda path, progress: export.write_gif(path, frames, layer, head, progress),
            f"Saving the GIF of layer {layer}, head {head}",
            lambda path: f"Saved {path} ({len(frames)} frames)",
        )

    def do_png(self) -> None:
        self.pending_png = True

    # ------------------------------------------------------------------ frame

    def update(self, dt: float) -> None:
        if self.source.refresh():
            self.timeline = Timeline()
            self.selected, self._cache_key, self._caption_key = (0, 0), None, None
            self.captions = {}
        self.timeline.set_count(len(self.source.frames))
        self.timeline.update(dt)
        if self.detail and self.three_d:
            if not self.view3d.available:  # the render thread could not make a GL context
                self._fall_back_to_2d()
            self.view3d.update(dt)

    def current(self):
        """The blended attention at the timeline position; cached, with its pictures, per position.

        Captions describe the nearest checkpoint, so they do not flicker while frames blend;
        a checkpoint's captions do not change when newer ones arrive, so they are computed once
        as the glide passes it (not again when the count grows).
        """
        key = (len(self.source.frames), round(self.timeline.position, 4))
        if key != self._cache_key:
            self._cache_key = key
            self.layout.pictures.clear()
            self.shown = blend(self.source.frames, self.timeline.position)
        finished = bool(self.source.state and self.source.state.finished)
        nearest = (round(self.timeline.position), finished)
        if nearest != self._caption_key and self.shown is not None:
            self._caption_key = nearest
            snapped = blend(self.source.frames, nearest[0])
            if snapped is not None:
                self.captions = caption_heads(snapped, self.source.probe, finished)
        return self.shown

    def frame(self) -> CinemaFrame:
        """What this frame shows, read once; the layout and its parts draw only from it."""
        source, state, timeline, keys = self.source, self.source.state, self.timeline, self.ctx.keys
        attention = self.current() if source.frames else None
        view = (BARS if self.three_d else DETAIL) if self.detail else OVERVIEW
        invite = (
            f"Press {keys.label('play_pause')} to train a small model here,",
            f"or start one in Watch It Learn (press {keys.label('tab1')}): this tab follows it.",
        )
        return CinemaFrame(
            attention, source.shape, source.probe, self.selected, self.cursor, self.captions,
            view, state.label if state else "", state.status if state else "",
            state.step if state else 0, state.max_iters if state else 0,
            source.session.starting_note if source.session else "", self.notice,
            tuple(source.steps), timeline.position, step_at(source.steps, timeline.position),
            bool(state and not state.finished), timeline.playing, timeline.follow_live,
            timeline.rate, self._key_hints(), invite,
        )  # fmt: skip

    def _key_hints(self) -> tuple[tuple[str, str], ...]:
        """The side panel's key rows, looked up again only when the key table grows (rows are
        only ever added): their 23 lookups a frame were a tenth of its CPU time under cProfile."""
        keys = self.ctx.keys
        version = (id(keys), len(keys.bindings))
        if version != self._hints_version:
            self._hints_version, self._hints = version, tuple(key_hints(keys))
        return self._hints

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        self.layout.draw(surface, rect, self.frame())
        if self.pending_png and self.ctx.exports is not None:
            self.pending_png = False
            self.ctx.exports.save_surface(surface.subsurface(rect), "attention", "Saving a PNG")


TAB = AttentionTab
