"""Lay out and draw the cinema tab: main view, side panel and timeline, plus empty states."""

from __future__ import annotations

import time

import pygame

from game.attention.detail_view import draw_detail
from game.attention.interpolate import step_at
from game.attention.overview_view import draw_overview
from game.attention.side_panel import draw_side_panel, key_hints
from game.attention.timeline_bar import draw_timeline


def split(theme, rect: pygame.Rect):
    """(main, side, timeline) rects on the 8 px grid."""
    gap = theme.px(2)
    outer = rect.inflate(-2 * gap, -2 * gap)
    side_w = max(theme.px(40), outer.w * 24 // 100)
    time_h = theme.px(9)
    main = pygame.Rect(outer.x, outer.y, outer.w - side_w - gap, outer.h - time_h - gap)
    side = pygame.Rect(main.right + gap, outer.y, side_w, main.h)
    timeline = pygame.Rect(outer.x, main.bottom + gap, outer.w, time_h)
    return main, side, timeline


def _info_lines(tab) -> list[tuple[str, str]]:
    source = tab.source
    if source.state is None:
        return [("No session yet", "text2")]
    state = source.state
    layers, heads = source.shape
    lines = [
        (f"Session: {state.label}", "text"),
        (f"{state.status} · step {state.step:,} of {state.max_iters:,}", "text2"),
        (f"{layers} layers × {heads} heads · {len(source.frames)} checkpoints", "text2"),
    ]
    mode = "3D bars" if tab.detail and tab.three_d else ("detail" if tab.detail else "overview")
    lines.append((f"View: {mode} · Layer {tab.selected[0]}, Head {tab.selected[1]}", "light"))
    if tab.notice:
        lines.append((tab.notice[:60], "warning"))
    return lines


def _centred(surface, theme, rect, lines) -> None:
    y = rect.centery - len(lines) * theme.px(3)
    for text, size, colour in lines:
        label = theme.text(text, size, colour)
        surface.blit(label, label.get_rect(midtop=(rect.centerx, y)))
        y += label.get_height() + theme.px(1.5)


def _empty_state(surface, theme, main, tab) -> bool:
    """Invite or wait; True when there is nothing else to draw."""
    source = tab.source
    if source.state is None:
        _centred(
            surface,
            theme,
            main,
            [
                ("Watch attention form out of noise", "xl", "text"),
                (
                    f"Press {tab.key_label('play_pause')} to train a small model here,",
                    "lg",
                    "text2",
                ),
                (
                    f"or start one in Watch It Learn (press {tab.key_label('tab1')}): "
                    "this tab follows it.",
                    "lg",
                    "text2",
                ),
            ],
        )
        return True
    if not source.frames:
        dots = "." * (1 + int(time.monotonic() * 2) % 3)
        shape = tuple(max(1, n) for n in source.shape)
        draw_overview(surface, theme, main, None, shape, source.probe, tab.selected, {})
        veil = pygame.Surface(main.size, pygame.SRCALPHA)
        veil.fill((*theme.colour["bg"], 170))
        surface.blit(veil, main.topleft)
        _centred(
            surface,
            theme,
            main,
            [
                (f"Waiting for the first checkpoint{dots}", "xl", "text"),
                (
                    source.session.starting_note
                    or "Attention is captured on the probe text at every checkpoint.",
                    "lg",
                    "text2",
                ),
            ],
        )
        return True
    return False


def draw_tab(tab, surface: pygame.Surface, rect: pygame.Rect) -> None:
    theme = tab.theme
    surface.fill(theme.colour["bg"], rect)
    main, side, timeline_rect = split(theme, rect)
    attention = tab.current()
    if not _empty_state(surface, theme, main, tab):
        probe = tab.source.probe
        if not tab.detail:
            tab.tiles = draw_overview(
                surface,
                theme,
                main,
                attention,
                attention.shape[:2],
                probe,
                tab.selected,
                tab.captions,
                tab.pictures,
            )
        else:
            matrix = attention[tab.selected]
            title = f"Layer {tab.selected[0]} · Head {tab.selected[1]}"
            caption = tab.captions.get(tab.selected)
            if caption is not None:
                title += f"  —  {caption.text}"
            label = theme.text(title, "lg", "text", bold=True)
            surface.blit(label, (main.x, main.y))
            body = pygame.Rect(
                main.x, main.y + label.get_height(), main.w, main.h - label.get_height()
            )
            if not (tab.three_d and tab.view3d.draw(surface, theme, body, matrix, probe)):
                tab.detail_rect = draw_detail(
                    surface, theme, body, matrix, probe, tab.cursor, tab.pictures, tab.selected
                )
    hints = key_hints(tab.ctx.keys)
    info = {"lines": _info_lines(tab)}
    draw_side_panel(surface, theme, side, info, tab.captions, tab.selected, hints)
    steps = tab.source.steps
    live = tab.source.state is not None and not tab.source.state.finished
    draw_timeline(
        surface,
        theme,
        timeline_rect,
        tab.timeline,
        steps,
        step_at(steps, tab.timeline.position),
        tab.source.state.max_iters if tab.source.state else 0,
        live,
    )
