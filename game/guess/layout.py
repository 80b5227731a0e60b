"""Where the guessing game's panels go: the line on top, the scoreboard and today's best below."""

from __future__ import annotations

import pygame

from game.guess.best_list import BestList
from game.guess.frame import GuessFrame
from game.guess.line_panel import LinePanel
from game.guess.scoreboard import Scoreboard, wrap


class GuessLayout:
    """Owns the panels; `draw` hands each its rect and the frame."""

    def __init__(self, theme) -> None:
        self.theme = theme
        self.line = LinePanel(theme)
        self.scoreboard = Scoreboard(theme)
        self.best = BestList(theme)
        self.message_rect = pygame.Rect(0, 0, 0, 0)

    @staticmethod
    def empty_frame(mode: str, message: tuple[str, ...], keys, now: float) -> GuessFrame:
        return GuessFrame(mode, "", "", "", (), (), "", "info", (), "", (), "", (), 0, "",
                          keys, message, now)  # fmt: skip

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: GuessFrame) -> None:
        theme = self.theme
        footer_h = theme.px(4)
        body = pygame.Rect(rect.x, rect.y, rect.w, rect.h - footer_h)
        if frame.message:
            self._message(surface, body, frame)
        else:
            gap = theme.px(2)
            line_h = round(body.h * 0.37)
            self.line.draw(surface, pygame.Rect(body.x, body.y, body.w, line_h), frame)
            lower = pygame.Rect(body.x, body.y + line_h + gap, body.w, body.h - line_h - gap)
            board_w = round(lower.w * 0.72)
            self.scoreboard.draw(surface, pygame.Rect(lower.x, lower.y, board_w, lower.h), frame)
            best = pygame.Rect(lower.x + board_w + gap, lower.y, lower.w - board_w - gap, lower.h)
            self.best.draw(surface, best, frame)
        self._footer(surface, pygame.Rect(rect.x, body.bottom, rect.w, footer_h), frame)

    def _message(self, surface, rect: pygame.Rect, frame: GuessFrame) -> None:
        theme = self.theme
        self.message_rect = rect.inflate(-theme.px(16), -theme.px(16))
        inner = theme.panel(surface, self.message_rect, "Guess the next character")
        y = inner.y + theme.px(4)
        for i, paragraph in enumerate(frame.message):
            size = "lg" if i == 0 else "base"
            for line in wrap(theme, paragraph, size, inner.w):
                text = theme.text(line, size, "text" if i == 0 else "text2", bold=i == 0)
                surface.blit(text, text.get_rect(midtop=(inner.centerx, y)))
                y += text.get_height() + theme.px(0.5)
            y += theme.px(1.5)

    def _footer(self, surface, rect: pygame.Rect, frame: GuessFrame) -> None:
        theme = self.theme
        x = rect.x
        for i, (key, name) in enumerate(frame.keys):
            if i:
                bar = theme.text("│", "sm", "faint")
                surface.blit(bar, (x, rect.centery - bar.get_height() // 2))
                x += bar.get_width() + theme.px(1.5)
            label = theme.text(f"[{key}]", "sm", "light", mono=True)
            surface.blit(label, (x, rect.centery - label.get_height() // 2))
            x += label.get_width() + theme.px(0.75)
            text = theme.text(name, "sm", "text2")
            surface.blit(text, (x, rect.centery - text.get_height() // 2))
            x += text.get_width() + theme.px(1.5)
