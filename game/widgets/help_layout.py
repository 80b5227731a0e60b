"""Where every line of the help overlay goes: the largest font and fewest columns that fit."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.text_fit import wrap

SIZES_TRIED = ("base", "sm", "xs")  # largest first: read from two metres when there is room
MAX_COLUMNS = 4
MIN_DESCRIPTION_CHARS = 14  # narrower description columns are not worth reading


@dataclass(frozen=True)
class Placed:
    """One line of text and the box it was given (its rendered size must fit inside)."""

    kind: str  # "title", "key" or "description"
    text: str
    box: pygame.Rect


@dataclass
class HelpPage:
    lines: list[Placed] = field(default_factory=list)
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (scope, key, description)


@dataclass
class HelpLayout:
    size: str
    pages: list[HelpPage]


def line_height(theme, size: str) -> int:
    """One line of the overlay: tall enough for the text font and the bold monospace keys."""
    fonts = (theme.font(size), theme.font(size, bold=True), theme.font(size, mono=True, bold=True))
    return max(max(f.get_linesize(), f.get_height()) for f in fonts)


def layout_help(theme, groups, rect: pygame.Rect) -> HelpLayout | None:
    """Pages of placed lines for groups [(scope, title, [Binding])]; None when nothing fits."""
    fallback = None
    for size in SIZES_TRIED:
        for columns in range(1, MAX_COLUMNS + 1):
            pages = _flow(theme, groups, rect, size, columns)
            if pages is None:
                continue
            if len(pages) == 1:
                return HelpLayout(size, pages)
            if fallback is None or len(pages) < len(fallback.pages):
                fallback = HelpLayout(size, pages)
    return fallback


def _flow(theme, groups, rect: pygame.Rect, size: str, columns: int) -> list[HelpPage] | None:
    """Fill columns top to bottom, page after page; None when a row cannot fit at all."""
    font = theme.font(size)
    key_font = theme.font(size, mono=True, bold=True)
    title_font = theme.font(size, bold=True)
    line_h = line_height(theme, size)
    gap = theme.px(4)
    col_w = (rect.w - gap * (columns - 1)) // columns
    labels = [b.label for _, _, rows in groups for b in rows]
    key_w = max((key_font.size(label)[0] for label in labels), default=0) + theme.px(2)
    desc_w = col_w - key_w
    if desc_w < font.size("n" * MIN_DESCRIPTION_CHARS)[0]:
        return None
    # (height, lines relative to the column top, row or None, keep with the next block)
    blocks: list[tuple[int, list[tuple[str, str, int, int, int]], tuple | None, bool]] = []
    for scope, title, rows in groups:
        titles = wrap(title_font, title, col_w)
        height = len(titles) * line_h + theme.px(0.5)
        placed = [("title", t, 0, i * line_h, col_w) for i, t in enumerate(titles)]
        blocks.append((height, placed, None, True))
        for binding in rows:
            described = wrap(font, binding.description, desc_w)
            lines = [("key", binding.label, 0, 0, key_w - theme.px(2))]
            lines += [
                ("description", text, key_w, i * line_h, desc_w) for i, text in enumerate(described)
            ]
            described_row = (scope, binding.label, binding.description)
            blocks.append((len(described) * line_h + theme.px(0.25), lines, described_row, False))
        blocks.append((theme.px(1.5), [], None, False))  # space after a group
    pages = [HelpPage()]
    column, y = 0, 0
    for index, (height, lines, row, keep_with_next) in enumerate(blocks):
        if not lines:  # spacing: dropped at the top of a column
            y = y + height if y else 0
            continue
        needed = height + (blocks[index + 1][0] if keep_with_next else 0)
        if needed > rect.h:
            return None
        if y + needed > rect.h:
            column, y = column + 1, 0
            if column == columns:
                pages.append(HelpPage())
                column = 0
        x = rect.x + column * (col_w + gap)
        for kind, text, dx, dy, width in lines:
            box = pygame.Rect(x + dx, rect.y + y + dy, width, line_h)
            pages[-1].lines.append(Placed(kind, text, box))
        if row is not None:
            pages[-1].rows.append(row)
        y += height
    return pages
