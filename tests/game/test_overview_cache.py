"""Attention Cinema's kept surfaces: the same pixels as drawing everything, and never stale."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import numpy as np
import pygame
import pytest

from game.attention.head_captions import HeadCaption, caption_head, caption_heads
from game.attention.overview_view import draw_overview
from game.attention.side_panel import draw_side_panel
from game.attention.tab_layout import split
from game.attention.timeline_bar import draw_timeline
from game.scenes.dashboard import fill_around
from game.tabs.attention import AttentionTab
from game.tabs.base import AppContext
from game.theme import Theme
from llmbreaker import messages as m
from llmbreaker.session_state import SessionState

PROBE = "ROMEO: But soft, what light through yonder window breaks? It is the east"
MAGENTA = (255, 0, 255)


def causal_softmax(rng, layers: int, heads: int, t: int, sharpness: float) -> np.ndarray:
    logits = rng.normal(size=(layers, heads, t, t)) * sharpness
    logits = np.where(np.tril(np.ones((t, t), bool)), logits, -np.inf)
    weights = np.exp(logits - logits.max(-1, keepdims=True))
    return (weights / weights.sum(-1, keepdims=True)).astype(np.float32)


class GrowingSessions:
    """A session that gets checkpoints when the test says so (no worker)."""

    def __init__(self, layers: int, heads: int, t: int) -> None:
        self.state = SessionState(label="Shakespeare")
        self.state.apply(m.Started(1, "abc", PROBE[:t], "", 500, layers, heads, 50))
        session = type("S", (), {"sid": "watch", "state": self.state, "starting_note": ""})()
        self.by_id = {"watch": session}

    def get(self, sid):
        return self.by_id.get(sid)

    def add(self, attention: np.ndarray) -> None:
        step = 50 * len(self.state.checkpoints)
        self.state.apply(m.Checkpoint(step, 2.0, 2.0, "", (), attention))


def make_tab(size, shape=(2, 4, 32), checkpoints=3, seed=0):
    pygame.display.init()
    pygame.font.init()
    rng = np.random.default_rng(seed)
    sessions = GrowingSessions(*shape)
    for sharpness in np.linspace(0.1, 6.0, checkpoints):
        sessions.add(causal_softmax(rng, *shape, float(sharpness)))
    theme = Theme(size)
    tab = AttentionTab(AppContext(theme, sessions, lambda text, kind: None))
    area = pygame.Rect(24, 128, size[0] - 48, size[1] - 160)
    return tab, sessions, area, rng


def at(tab, position: float):
    """Update once and pin the timeline at position."""
    tab.update(1 / 30)
    tab.timeline.follow_live = False
    tab.timeline.position = tab.timeline.target = position


def cached(tab, area, size) -> np.ndarray:
    screen = pygame.Surface(size)
    screen.fill(MAGENTA)
    tab.draw(screen, area)
    return pygame.surfarray.array3d(screen)


def direct(tab, area, size) -> np.ndarray:
    """What the tab drew before its parts were kept: the rect filled, then every part drawn."""
    screen = pygame.Surface(size)
    screen.fill(MAGENTA)
    frame = tab.frame()
    theme = tab.theme
    screen.fill(theme.colour["bg"], area)
    main, side, timeline = split(theme, area)
    draw_overview(screen, theme, main, frame)
    draw_side_panel(screen, theme, side, frame)
    draw_timeline(screen, theme, timeline, frame)
    return pygame.surfarray.array3d(screen)


def assert_same(a: np.ndarray, b: np.ndarray) -> None:
    differ = (a != b).any(axis=-1)
    assert not differ.any(), f"{int(differ.sum())} pixels differ, e.g. at {np.argwhere(differ)[0]}"


@pytest.mark.parametrize(
    "size, shape",
    [((1920, 1080), (2, 4, 32)), ((1280, 720), (2, 4, 32)), ((1920, 1080), (3, 4, 64))],
)
def test_the_kept_overview_draws_the_pixels_of_the_direct_path(size, shape):
    tab, _, area, _ = make_tab(size, shape)
    for position, action in [(0.0, None), (0.5, None), (1.0, "move:right"), (1.37, None),
                             (2.0, "move:down"), (2.0, None), (2.0, "head_next")]:  # fmt: skip
        if action:
            tab.handle_action(action)
        at(tab, position)
        assert_same(cached(tab, area, size), direct(tab, area, size))


def test_a_new_checkpoint_is_drawn_not_the_kept_picture():
    size = (1280, 720)
    tab, sessions, area, rng = make_tab(size, checkpoints=2)
    at(tab, 1.0)
    before = cached(tab, area, size)
    sessions.add(causal_softmax(rng, 2, 4, 32, 9.0))
    at(tab, 2.0)
    after = cached(tab, area, size)
    assert (before != after).any(), "the new checkpoint changed nothing on screen"
    assert_same(after, direct(tab, area, size))


def test_a_new_selection_is_drawn():
    size = (1280, 720)
    tab, _, area, _ = make_tab(size)
    at(tab, 2.0)
    before = cached(tab, area, size)
    tab.handle_action("move:right")
    at(tab, 2.0)
    after = cached(tab, area, size)
    cyan = tab.theme.colour["cyan"]
    tile = tab.tiles[(0, 1)]
    assert tuple(after[tile.x - 2, tile.centery]) == cyan, "the chosen tile has no cyan border"
    assert tuple(before[tile.x - 2, tile.centery]) != cyan
    assert_same(after, direct(tab, area, size))


def test_a_changed_caption_is_drawn():
    size = (1920, 1080)
    tab, _, area, _ = make_tab(size)
    at(tab, 2.0)
    cached(tab, area, size)
    tab.captions = {head: HeadCaption("start", 0.9, {}) for head in tab.captions}
    tab._caption_key = (2, False)  # as if computed for this checkpoint
    after = cached(tab, area, size)
    assert_same(after, direct(tab, area, size))
    assert "looks at the start of the text" in {c.text for c in tab.frame().captions.values()}


@pytest.mark.parametrize("new_size", [(1920, 1080), (1024, 600)])
def test_a_resize_is_drawn_at_the_new_size(new_size):
    tab, _, area, _ = make_tab((1280, 720))
    at(tab, 2.0)
    cached(tab, area, (1280, 720))
    tab.theme.resize(new_size)
    new_area = pygame.Rect(24, 128, new_size[0] - 48, new_size[1] - 160)
    assert_same(cached(tab, new_area, new_size), direct(tab, new_area, new_size))


def test_steady_frames_are_one_blit_and_a_new_position_redraws_only_the_pictures():
    tab, _, area, _ = make_tab((1920, 1080))
    at(tab, 2.0)
    cached(tab, area, (1920, 1080))
    layout = tab.layout

    def counts():
        return dict(layout.overview.rebuilds), layout.side_panel.rebuilds, layout.timeline.rebuilds

    before = counts()
    for _ in range(5):
        cached(tab, area, (1920, 1080))
    assert counts() == before
    at(tab, 1.999)  # the same captions (nearest checkpoint 2), another blend
    cached(tab, area, (1920, 1080))
    assert layout.overview.rebuilds == {**before[0], "pictures": before[0]["pictures"] + 1}


def test_a_caption_or_selection_change_redraws_only_those_tiles_and_exactly():
    size = (1920, 1080)
    tab, _, area, _ = make_tab(size)
    at(tab, 2.0)
    cached(tab, area, size)
    overview = tab.layout.overview
    assert overview.by_cell, "at 1920x1080 every tile's labels stay in its cell"
    start = dict(overview.rebuilds)
    tab.captions = {**tab.captions, (1, 2): HeadCaption("start", 0.9, {})}
    tab.handle_action("move:right")
    at(tab, 2.0)
    after = cached(tab, area, size)
    assert overview.rebuilds["all"] == start["all"]
    assert overview.rebuilds["tiles"] == start["tiles"] + 1
    assert_same(after, direct(tab, area, size))


def test_a_tile_drawn_past_its_cell_makes_the_whole_overview_drawn_again(monkeypatch):
    size = (1280, 720)
    tab, _, area, _ = make_tab(size)
    at(tab, 2.0)
    cached(tab, area, size)
    overview = tab.layout.overview
    monkeypatch.setattr(overview, "cells", {head: pygame.Rect(0, 0, 1, 1) for head in tab.tiles})
    start = dict(overview.rebuilds)
    tab.handle_action("move:down")
    at(tab, 2.0)
    after = cached(tab, area, size)
    assert overview.rebuilds["all"] == start["all"] + 1
    assert_same(after, direct(tab, area, size))


def test_the_tab_paints_every_pixel_of_its_rect_in_every_state():
    """The dashboard leaves the attention tab's rect unfilled (the tab is opaque)."""
    size = (1280, 720)
    tab, _, area, _ = make_tab(size)
    for position, action in [(2.0, None), (2.0, "view"), (1.5, None), (1.5, "view")]:
        if action:
            tab.handle_action(action)
        at(tab, position)
        screen = cached(tab, area, size)[area.left : area.right, area.top : area.bottom]
        assert not (screen == MAGENTA).all(axis=-1).any(), (position, action)
    assert AttentionTab.opaque


def test_the_empty_states_paint_every_pixel_too():
    pygame.font.init()
    theme = Theme((1280, 720))
    empty = type("Sessions", (), {"by_id": {}, "get": lambda self, sid: None})()
    tab = AttentionTab(AppContext(theme, empty, lambda text, kind: None))
    area = pygame.Rect(24, 128, 1232, 560)
    tab.update(1 / 30)
    screen = cached(tab, area, (1280, 720))[area.left : area.right, area.top : area.bottom]
    assert not (screen == MAGENTA).all(axis=-1).any()


def test_fill_around_fills_all_but_the_inner_rect():
    surface = pygame.Surface((100, 80))
    surface.fill(MAGENTA)
    inner = pygame.Rect(10, 20, 50, 30)
    fill_around(surface, (1, 2, 3), surface.get_rect(), inner)
    pixels = pygame.surfarray.array3d(surface)
    inside = np.zeros((100, 80), bool)
    inside[10:60, 20:50] = True
    assert (pixels[inside] == MAGENTA).all()
    assert (pixels[~inside] == (1, 2, 3)).all()


def reference_scores(matrix: np.ndarray, text: str) -> dict[str, float]:
    """The patterns' scores as head_captions defines them, one row at a time."""
    t = matrix.shape[0]
    rows = range(1, t)
    same = []
    for q in rows:
        earlier = [k for k in range(q) if len(text) >= t and text[k] == text[q]]
        if earlier:
            same.append(sum(float(matrix[q, k]) for k in earlier))
    spread = [
        -sum(float(w) * np.log(max(float(w), 1e-12)) for w in matrix[q]) / np.log(q + 1)
        for q in rows
    ]
    return {
        "previous": float(np.mean([float(matrix[q, q - 1]) for q in rows])),
        "start": float(np.mean([float(matrix[q, 0]) for q in rows])),
        "self": float(np.mean([float(matrix[q, q]) for q in rows])),
        "same": float(np.mean(same)) if same else 0.0,
        "spread": float(np.mean(spread)),
    }


def test_captions_of_every_head_at_once_score_each_head_as_defined():
    rng = np.random.default_rng(3)
    for sharpness in (0.01, 0.7, 3.0, 12.0):
        attention = causal_softmax(rng, 2, 4, 32, sharpness)
        attention[1, 2] = np.eye(32, k=-1)
        attention[1, 2, 0, 0] = 1.0
        for text in (PROBE[:32], ""):
            together = caption_heads(attention, text, finished=sharpness > 5)
            for (layer, head), caption in together.items():
                alone = caption_head(attention[layer, head], text, finished=sharpness > 5)
                same = ("kind", "clear", "finished", "text")
                assert [getattr(caption, a) for a in same] == [getattr(alone, a) for a in same]
                assert caption.score == pytest.approx(alone.score, rel=1e-12)
                expected = reference_scores(attention[layer, head], text)
                for kind, score in expected.items():
                    assert caption.scores[kind] == pytest.approx(score, rel=1e-9, abs=1e-12)
    assert together[(1, 2)].kind == "previous"
