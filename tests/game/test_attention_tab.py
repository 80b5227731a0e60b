"""The Attention Cinema tab: real checkpoints reach the tiles, blends, 3D fallback, GIF export."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import threading
import time

import numpy as np
import pygame
import pytest

from game.attention.colormap import colour_of
from game.attention.heatmap import cell_rect
from game.attention.tab_layout import split
from game.gl import context as gl_context
from game.sessions import Sessions
from game.tabs.attention import AttentionTab
from game.tabs.base import AppContext
from game.theme import Theme
from llmbreaker import messages as m
from llmbreaker.config import session_config
from llmbreaker.session_manager import SessionManager
from llmbreaker.session_state import SessionState

SIZE = (1280, 720)
TOLERANCE = 3


class FakeSessions:
    """Enough of game.sessions.Sessions to show synthetic checkpoints without a worker."""

    def __init__(self, attention: list[np.ndarray], probe: str) -> None:
        state = SessionState(label="synthetic")
        layers, heads = attention[0].shape[:2]
        state.apply(m.Started(1, "abc", probe, "", 100, layers, heads, 10))
        for index, frame in enumerate(attention):
            state.apply(m.Checkpoint(index * 10, 2.0, 2.0, "", (), frame))
        session = type("S", (), {"sid": "watch", "state": state, "starting_note": ""})()
        self.by_id = {"watch": session}


def make_tab(sessions, toasts=None) -> AttentionTab:
    pygame.font.init()
    sink = toasts if toasts is not None else []
    ctx = AppContext(Theme(SIZE), sessions, lambda text, kind: sink.append(text))
    return AttentionTab(ctx)


def settle(tab, position: float | None = None) -> pygame.Surface:
    """Update, optionally pin the timeline, and draw one frame."""
    tab.update(1 / 30)
    if position is not None:
        tab.timeline.follow_live = False
        tab.timeline.position = tab.timeline.target = position
    surface = pygame.Surface(SIZE)
    tab.draw(surface, surface.get_rect())
    return surface


def pixel(surface, tile, cells, query, key):
    return tuple(surface.get_at(cell_rect(tile, cells, query, key).center))[:3]


def close(a, b) -> bool:
    return all(abs(x - y) <= TOLERANCE for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def live_sessions():
    sessions = Sessions(SessionManager())
    sessions.start("watch", session_config("seed", dataset="tiny", max_iters=30, eval_interval=10))
    deadline = time.monotonic() + 180
    while len(sessions.get("watch").state.checkpoints) < 2 and time.monotonic() < deadline:
        sessions.pump(0.01)
        time.sleep(0.02)
    yield sessions
    sessions.close()


def test_real_worker_attention_reaches_the_tiles(live_sessions):
    tab = make_tab(live_sessions)
    state = live_sessions.get("watch").state
    assert len(state.checkpoints) >= 2, "the worker produced no checkpoints"
    surface = settle(tab, position=1.0)
    weights = state.checkpoints[1].attention
    cells = weights.shape[-1]
    for (layer, head), tile in tab.tiles.items():
        for query, key in ((0, 0), (5, 4), (cells - 1, 0), (cells - 1, cells - 1), (3, 9)):
            expected = colour_of(weights[layer, head, query, key])
            assert close(pixel(surface, tile, cells, query, key), expected), (layer, head, query)


def test_halfway_between_checkpoints_draws_the_blend(live_sessions):
    tab = make_tab(live_sessions)
    state = live_sessions.get("watch").state
    surface = settle(tab, position=0.5)
    a, b = state.checkpoints[0].attention, state.checkpoints[1].attention
    cells = a.shape[-1]
    tile = tab.tiles[(0, 0)]
    for query, key in ((1, 0), (2, 1), (7, 3), (cells - 1, cells - 2)):
        expected = colour_of(0.5 * (a[0, 0, query, key] + b[0, 0, query, key]))
        assert close(pixel(surface, tile, cells, query, key), expected)


def synthetic_tab(toasts=None):
    probe = "abcabcabcabcabca"
    t = len(probe)
    first = np.zeros((1, 2, t, t), np.float32)
    first[..., 0] = 1.0
    second = np.broadcast_to(np.eye(t, dtype=np.float32), (1, 2, t, t)).copy()
    return make_tab(FakeSessions([first, second], probe), toasts)


def test_overview_and_detail_keys(tmp_path, monkeypatch):
    tab = synthetic_tab()
    settle(tab, position=1.0)
    tab.handle_action("move:right")
    assert tab.selected == (0, 1)
    tab.handle_action("view")
    surface = settle(tab)
    assert tab.detail
    tab.handle_action("move:down")
    assert tab.cursor[0] >= 1
    tab.handle_action("first")
    for _ in range(40):
        tab.update(1 / 30)
    assert tab.timeline.position == 0.0 and tab.source.steps == [0, 10]
    assert surface.get_at((5, 5))[:3] == tab.theme.colour["bg"]


def test_3d_falls_back_to_2d_with_a_notice(monkeypatch):
    failure = gl_context.GLContext(None, "forced failure")
    monkeypatch.setattr(gl_context, "shared_context", lambda: failure)
    toasts: list[str] = []
    tab = synthetic_tab(toasts)
    tab.handle_action("dims")
    tab.view3d.ensure().wait_ready(10)  # the render thread reports the failure
    settle(tab, position=1.0)
    surface = settle(tab, position=1.0)
    assert tab.detail and not tab.three_d
    assert "not available" in tab.notice and toasts
    # the 2D heatmap is on screen: a diagonal cell is dark blue, one above it white
    heat = tab.detail_rect
    assert close(pixel(surface, heat, 16, 4, 4), colour_of(1.0))
    assert close(pixel(surface, heat, 16, 4, 5), colour_of(0.0))


def test_gif_export_key(tmp_path):
    toasts: list[str] = []
    tab = synthetic_tab(toasts)
    tab.ctx.exports.folder = tmp_path / "exports"  # created on the first save
    settle(tab)
    tab.handle_action("gif")
    assert tab.ctx.background.wait()
    gifs = list((tmp_path / "exports").glob("*.gif"))
    assert len(gifs) == 1 and "2 frames" in toasts[-1] and str(gifs[0]) in toasts[-1]


def test_png_key_saves_the_view_after_the_frame_is_drawn(tmp_path):
    toasts: list[str] = []
    tab = synthetic_tab(toasts)
    tab.ctx.exports.folder = tmp_path
    tab.handle_action("png")
    settle(tab)
    assert tab.ctx.background.wait()
    (png,) = tmp_path.glob("attention-*.png")
    assert pygame.image.load(str(png)).get_size() == SIZE


def test_export_failure_is_a_toast_and_the_tab_keeps_working(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    toasts: list[str] = []
    tab = synthetic_tab(toasts)
    tab.ctx.exports.folder = blocker / "exports"  # cannot be created under a file
    settle(tab)
    tab.handle_action("gif")
    tab.handle_action("png")
    settle(tab)
    assert tab.ctx.background.wait()
    failures = [t for t in toasts if t.startswith(f"Could not save to {blocker / 'exports'}")]
    assert len(failures) == 2
    tab.handle_action("move:right")
    settle(tab)
    assert tab.selected == (0, 1)


def test_3d_bars_are_drawn_by_a_thread_of_their_own(monkeypatch):
    # GL made current on the window's thread froze a real X11 window for good (Mesa); the
    # context is made, and used, only on the render thread.
    made_on = []
    real = gl_context.create_context

    def recording():
        made_on.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(gl_context, "_shared", None)
    monkeypatch.setattr(gl_context, "create_context", recording)
    tab = synthetic_tab()
    tab.handle_action("dims")
    assert tab.view3d.ensure().wait_ready(30) == "ready", tab.view3d.reason
    deadline = time.monotonic() + 30
    while tab.view3d.thread.picture is None and time.monotonic() < deadline:
        settle(tab, position=1.0)
        time.sleep(0.02)
    surface = settle(tab, position=1.0)
    tab.view3d.close()
    assert made_on == ["3d-view"] and tab.three_d
    main, _, _ = split(tab.theme, surface.get_rect())
    blue = sum(
        1
        for y in range(main.top, main.bottom, 3)
        for x in range(main.left, main.right, 3)
        if (lambda c: c[2] - c[0] > 70)(surface.get_at((x, y)))
    )
    assert blue > 200  # the identity's bars stand on the diagonal


def test_the_side_panel_keeps_long_captions_and_names_inside_it():
    import numpy as np
    import pygame

    from game.attention.frame import OVERVIEW, CinemaFrame
    from game.attention.head_captions import HeadCaption
    from game.attention.side_panel import draw_side_panel
    from game.theme import Theme

    pygame.font.init()
    theme = Theme((1920, 1080))
    captions = {(0, h): HeadCaption("previous", 0.4, {}, clear=False) for h in range(4)}
    frame = CinemaFrame(
        attention=np.zeros((1, 4, 8, 8)), shape=(1, 4), probe="the cat", selected=(0, 0),
        cursor=(0, 0), captions=captions, view=OVERVIEW,
        label="a_visitor_file_with_a_very_long_name_indeed_and_more.txt", status="running",
        step=10, max_iters=600, starting_note="", notice="", steps=(0, 10), position=1.0,
        shown_step=10.0, live=True, playing=False, follow_live=True, rate=1.0, hints=(),
        invite=("", ""),
    )  # fmt: skip
    surface = pygame.Surface((1920, 1080))
    surface.fill((255, 0, 255))
    panel = pygame.Rect(1440, 160, 440, 800)  # as wide as the panel is at 1920x1080
    draw_side_panel(surface, theme, panel, frame)
    beyond = pygame.surfarray.pixels3d(surface)[panel.right :, panel.top : panel.bottom]
    assert (beyond == (255, 0, 255)).all(), "text drawn past the panel's right edge"


def test_captions_describe_the_checkpoint_nearest_the_timeline():
    t = 8
    even = np.tril(np.ones((t, t)))
    even = even / even.sum(axis=1, keepdims=True)
    previous = np.eye(t, k=-1)
    previous[0, 0] = 1.0  # row 0 can only look at itself
    frames = [even[None, None], previous[None, None]]  # (1 layer, 1 head, T, T) each
    tab = make_tab(FakeSessions([f.astype(np.float32) for f in frames], "the cat!"))
    settle(tab, 1.0)
    assert tab.captions[(0, 0)].kind == "previous"
    settle(tab, 0.0)
    assert tab.captions[(0, 0)].kind == "spread"


def test_the_side_panel_keeps_every_key_row_when_captions_wrap_at_1280x720(monkeypatch):
    import pygame

    from game.attention import side_panel
    from game.attention.frame import OVERVIEW, CinemaFrame
    from game.attention.head_captions import HeadCaption
    from game.theme import Theme

    pygame.font.init()
    theme = Theme((1280, 720))
    captions = {(layer, h): HeadCaption("spread", 0.1, {}, clear=False)
                for layer in range(2) for h in range(4)}  # fmt: skip
    for head in ((0, 1), (0, 3)):  # two heads whose captions take two lines at this size
        captions[head] = HeadCaption("previous", 0.4, {}, clear=False)
    hints = tuple((f"K{i}", what) for i, (_, what) in enumerate(side_panel.HINTS))
    frame = CinemaFrame(
        attention=np.zeros((2, 4, 8, 8)), shape=(2, 4), probe="the cat", selected=(0, 0),
        cursor=(0, 0), captions=captions, view=OVERVIEW, label="Shakespeare", status="running",
        step=198, max_iters=500, starting_note="", notice="", steps=(0, 150), position=1.0,
        shown_step=150.0, live=True, playing=False, follow_live=True, rate=1.0, hints=hints,
        invite=("", ""),
    )  # fmt: skip
    drawn = []
    real = side_panel.draw_key_list
    monkeypatch.setattr(side_panel, "draw_key_list",
                        lambda *a, **k: drawn.append((a[2], real(*a, **k))))  # fmt: skip
    surface = pygame.Surface((1280, 720))
    panel = pygame.Rect(959, 106, 294, 532)  # the panel's place at 1280x720
    side_panel.draw_side_panel(surface, theme, panel, frame)
    (rect, bottom), line_h = drawn[0], theme.font("xs").get_linesize()
    assert bottom - rect.y >= len(hints) * line_h, "the last key rows were left out"
