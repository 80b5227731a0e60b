"""The line being guessed: the lead-in, the characters revealed so far, the box for the next one,
and below it the visitor's tries, or the end-of-line summary and the initials box."""

from __future__ import annotations

import pygame

from game.decode.look import glyph
from game.guess.frame import AUTOPLAY, FINISHED, INITIALS, GuessFrame
from game.guess.high_scores import INITIALS as MAX_INITIALS
from game.theme import mix
from llmbreaker.guess.scoring import TRIES

STATUS_COLOURS = {"info": "text2", "good": "success", "bad": "warning"}
RANK_COLOURS = {1: "success", 2: "light", 3: "light", None: "warning"}  # which try found it
LEGEND = (("success", "found on the 1st try"), ("light", "on the 2nd or 3rd"),
          ("warning", "not found in 3 tries"))  # fmt: skip


class LinePanel:
    def __init__(self, theme) -> None:
        self.theme = theme
        self.cursor_rect = pygame.Rect(0, 0, 0, 0)  # the next character's box, as last drawn

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: GuessFrame) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, frame.title)
        font = theme.font("xl", mono=True)
        cell_w, cell_h = font.size("M")
        y = inner.y + theme.px(1)
        self._line(surface, inner.x, y, inner.w, cell_w, frame)
        below = pygame.Rect(inner.x, y + cell_h + theme.px(3), inner.w,
                            inner.bottom - y - cell_h - theme.px(3))  # fmt: skip
        if frame.mode in (FINISHED, INITIALS) or (frame.mode == AUTOPLAY and frame.summary):
            self._summary(surface, below, frame)
        else:
            self._tries(surface, below, frame)

    def _line(self, surface, x: int, y: int, width: int, cell_w: int, frame: GuessFrame) -> None:
        theme = self.theme
        columns = max(len(frame.text) + 4, width // cell_w)
        lead = glyph(frame.lead)[-(columns - len(frame.text) - 2) :]
        pos = len(frame.revealed)
        lead_s = theme.text("…" + lead, "xl", "faint", mono=True)
        surface.blit(lead_s, (x, y))
        x += lead_s.get_width()
        for i in range(len(frame.text)):
            cell = pygame.Rect(x + i * cell_w, y, cell_w, lead_s.get_height())
            if i < pos:  # revealed: coloured by which try found it, underlined so blanks show
                colour = RANK_COLOURS[frame.revealed[i].rank]
                char = theme.text(glyph(frame.revealed[i].char), "xl", colour, mono=True)
                surface.blit(char, cell.topleft)
            elif i == pos:
                self.cursor_rect = cell.inflate(theme.px(0.5), theme.px(0.5))
                blink = 0.5 + 0.5 * abs((frame.now * 1.5) % 2 - 1)
                border = mix(theme.colour["raised"], theme.colour["cyan"], blink)
                pygame.draw.rect(surface, border, self.cursor_rect, 2, border_radius=3)
            else:  # still hidden: a dash per character, so the line's length shows
                dash_y = cell.bottom - theme.px(1)
                inset = cell_w // 5
                pygame.draw.line(surface, theme.colour["faint"], (cell.x + inset, dash_y),
                                 (cell.right - inset, dash_y), 2)  # fmt: skip

    def _tries(self, surface, rect: pygame.Rect, frame: GuessFrame) -> None:
        theme = self.theme
        label = theme.text("Tries", "lg", "text2")
        surface.blit(label, (rect.x, rect.y + theme.px(0.5)))
        box = theme.font("xl", mono=True).get_linesize() + theme.px(1)
        x = rect.x + label.get_width() + theme.px(2)
        for k in range(TRIES):
            cell = pygame.Rect(x + k * (box + theme.px(1.5)), rect.y, box, box)
            pygame.draw.rect(surface, theme.colour["raised"], cell, border_radius=theme.px(1))
            if k < len(frame.tries):
                text = theme.text(glyph(frame.tries[k]), "xl", "warning", mono=True)
                surface.blit(text, text.get_rect(center=cell.center))
                pygame.draw.line(
                    surface, theme.colour["warning"], cell.bottomleft, cell.topright, 2
                )
            elif k == len(frame.tries):
                pygame.draw.rect(surface, theme.colour["cyan"], cell, 2, border_radius=theme.px(1))
        x += TRIES * (box + theme.px(1.5)) + theme.px(2)
        status = theme.text(frame.status, "lg", STATUS_COLOURS[frame.status_kind])
        surface.blit(status, (x, rect.y + (box - status.get_height()) // 2))
        self._legend(surface, rect.x, rect.bottom)

    def _legend(self, surface, x: int, bottom: int) -> None:
        """What the colours of the revealed characters mean, along the panel's foot."""
        theme = self.theme
        for colour, words in LEGEND:
            swatch = theme.text("■", "sm", colour)
            text = theme.text(words, "sm", "dim")
            y = bottom - text.get_height()
            surface.blit(swatch, (x, y))
            x += swatch.get_width() + theme.px(0.75)
            surface.blit(text, (x, y))
            x += text.get_width() + theme.px(3)

    def _summary(self, surface, rect: pygame.Rect, frame: GuessFrame) -> None:
        theme = self.theme
        y = rect.y
        for i, line in enumerate(frame.summary):
            text = theme.text(line, "lg" if i == 0 else "base", "text" if i == 0 else "text2",
                              bold=i == 0)  # fmt: skip
            surface.blit(text, (rect.x, y))
            y += text.get_height() + theme.px(0.75)
        y += theme.px(0.5)
        x = rect.x
        if frame.mode == INITIALS:
            label = theme.text("Your initials", "lg", "cyan", bold=True)
            surface.blit(label, (x, y))
            x += label.get_width() + theme.px(2)
            shown = " ".join((frame.initials + "_" * MAX_INITIALS)[:MAX_INITIALS])
            boxed = theme.text(shown, "xl", "text", mono=True, bold=True)
            pygame.draw.rect(surface, theme.colour["raised"],
                             boxed.get_rect(topleft=(x, y)).inflate(theme.px(2), theme.px(0.5)),
                             border_radius=theme.px(1))  # fmt: skip
            surface.blit(boxed, (x, y - (boxed.get_height() - label.get_height()) // 2))
            x += boxed.get_width() + theme.px(3)
        status = theme.text(frame.status, "base", STATUS_COLOURS[frame.status_kind])
        surface.blit(status, (x, y + theme.px(0.25)))
