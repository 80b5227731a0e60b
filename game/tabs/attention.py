"""Tab 2, Attention Cinema: attention forming out of noise as tiles, one head, 3D bars, a film."""

from __future__ import annotations

import pygame

from game.attention import export
from game.attention.head_captions import caption_heads
from game.attention.interpolate import blend
from game.attention.source import AttentionSource
from game.attention.timeline import Timeline
from game.attention.view3d import Bars3DView
from game.keys import Binding
from game.tabs.base import Tab

TAB_ID = "attention"


def _b(key: str, action: str, description: str, id_: str) -> Binding:
    return Binding(key, action, description, f"attention_{id_}", TAB_ID)


BINDINGS = [
    _b("space", "train", "Train a model here when no session is running", "train"),
    _b("tab,v,return", "view", "Overview of every head ↔ one head in detail", "view"),
    _b("d", "dims", "Detail: flat heatmap ↔ 3D bars (height = attention)", "dims"),
    _b("],h", "head_next", "Next head", "head_next"),
    _b("[", "head_prev", "Previous head", "head_prev"),
    _b("pagedown,l", "layer_next", "Next layer", "layer_next"),
    _b("pageup", "layer_prev", "Previous layer", "layer_prev"),
    _b("left", "left", "Cursor left / pick a tile / turn the 3D view", "left"),
    _b("right", "right", "Cursor right / pick a tile / turn the 3D view", "right"),
    _b("up", "up", "Cursor up / pick a tile / tilt the 3D view", "up"),
    _b("down", "down", "Cursor down / pick a tile / tilt the 3D view", "down"),
    _b("+,=", "zoom_in", "Zoom in (3D)", "zoom_in"),
    _b("-", "zoom_out", "Zoom out (3D)", "zoom_out"),
    _b(",", "back_one", "One checkpoint back", "back_one"),
    _b(".", "forward_one", "One checkpoint forward", "forward_one"),
    _b("home", "first", "Jump to step 0", "first"),
    _b("end", "live", "Jump to the newest checkpoint and follow training", "live"),
    _b("p", "play", "Play the film of checkpoints / pause", "play"),
    _b("t", "rate", "Play speed: 0.5, 1, 2 or 4 checkpoints a second", "rate"),
    _b("g", "gif", "Save a GIF of this head over every checkpoint", "gif"),
    _b("x", "png", "Save a PNG of this view", "png"),
]


class AttentionTab(Tab):
    """Overview tiles, a detail head (2D or 3D) and a timeline over the shown session."""

    id = TAB_ID
    title = "Attention Cinema"
    key = "2"
    bindings = BINDINGS

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
        self.shown = None  # (layer, head, T) blended attention on screen
        self.captions: dict = {}
        self._cache_key = self._caption_key = None
        self.pictures: dict = {}  # scaled heatmaps of the shown attention, reused across frames
        self.tiles: dict = {}  # (layer, head) -> tile rect, as last drawn
        self.detail_rect = None  # the detail heatmap's rect, as last drawn

    # ------------------------------------------------------------------ actions

    def handle_action(self, action: str) -> bool:
        handler = getattr(self, f"_do_{action}", None)
        if handler is not None:
            handler()
            return True
        if action in ("left", "right", "up", "down", "zoom_in", "zoom_out"):
            self._move(action)
            return True
        return False

    def _do_train(self) -> None:
        if self.source.session is None or self.source.state.finished:
            self.source.start_own(self.ctx.training)
            self.ctx.toast("Training a model to watch its attention form", "info")
        else:
            label = self.source.state.label or "a model"
            self.ctx.toast(f"Already showing {label} as it trains", "info")

    def _do_view(self) -> None:
        self.detail = not self.detail

    def _do_dims(self) -> None:
        self.detail = True
        self.three_d = not self.three_d
        if self.three_d and not self.view3d.available:
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

    def _do_head_next(self) -> None:
        self._pick(0, 1)

    def _do_head_prev(self) -> None:
        self._pick(0, -1)

    def _do_layer_next(self) -> None:
        self._pick(1, 0)

    def _do_layer_prev(self) -> None:
        self._pick(-1, 0)

    def _move(self, action: str) -> None:
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

    def _do_back_one(self) -> None:
        self.timeline.step(-1)

    def _do_forward_one(self) -> None:
        self.timeline.step(1)

    def _do_first(self) -> None:
        self.timeline.jump_start()

    def _do_live(self) -> None:
        self.timeline.jump_live()

    def _do_play(self) -> None:
        self.timeline.toggle_play()

    def _do_rate(self) -> None:
        self.timeline.cycle_rate()

    def _do_gif(self) -> None:
        layer, head = self.selected
        frames = [(step, matrix.copy()) for step, matrix in self.source.head_frames(layer, head)]
        if not frames:
            self.ctx.toast("No checkpoints yet: nothing to export", "error")
            return
        self.ctx.exports.save(
            f"attention-L{layer}H{head}",
            ".gif",
            lambda path, progress: export.write_gif(path, frames, layer, head, progress),
            f"Saving the GIF of layer {layer}, head {head}",
            lambda path: f"Saved {path} ({len(frames)} frames)",
        )

    def _do_png(self) -> None:
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
            self.view3d.update(dt)

    def current(self):
        """The blended attention at the timeline position; cached, with its pictures, per position.

        Captions describe the nearest checkpoint, so they do not flicker while frames blend.
        """
        key = (len(self.source.frames), round(self.timeline.position, 4))
        if key != self._cache_key:
            self._cache_key = key
            self.pictures.clear()
            self.shown = blend(self.source.frames, self.timeline.position)
            nearest = (len(self.source.frames), round(self.timeline.position))
            if nearest != self._caption_key and self.shown is not None:
                self._caption_key = nearest
                snapped = blend(self.source.frames, nearest[1])
                self.captions = caption_heads(snapped, self.source.probe)
        return self.shown

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        from game.attention.tab_layout import draw_tab

        draw_tab(self, surface, rect)
        if self.pending_png:
            self.pending_png = False
            self.ctx.exports.save_surface(surface.subsurface(rect), "attention", "Saving a PNG")


TAB = AttentionTab
