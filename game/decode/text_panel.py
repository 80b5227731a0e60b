"""DECODE LIVE: the sampled character with its probability and top five, then the growing text.

Characters of the model's context are shaded by token credit (how much each pushed the model
toward the newest character); the newest character sits in a cyan box.
"""

from __future__ import annotations

from bisect import bisect_right

import pygame

from game.decode.frame import Frame
from game.decode.look import flash, glyph
from game.style.wrap import visible_text, wrap_starts
from game.text_fit import wrap
from game.theme import mix
from llmbreaker.messages import DecodeStep

TEXT_SIZE = "lg"
CREDIT_GAMMA = 0.6  # lifts small credits so the shading reads from a distance


class TextPanel:
    """Draws into a panel rect; keeps the wrap of the last text so growing text stays cheap."""

    def __init__(self, theme) -> None:
        self.theme = theme
        self._wrap: tuple[tuple[str, int], list[int]] = (("", 0), [0])

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, frame: Frame, message: str) -> None:
        theme = self.theme
        inner = theme.panel(surface, rect, "Decode live")
        cache = ""
        if frame.step is not None:
            cached = max(frame.step.cache_len, default=0)
            cache = f"Remembered: {cached} of {frame.step.cache_max} positions"
        label = theme.text(cache, "sm", "dim", mono=True)
        surface.blit(label, (inner.right - label.get_width(), rect.y + theme.px(2.5)))
        top = self._draw_sample(surface, inner, frame)
        body = pygame.Rect(inner.x, top, inner.w, inner.bottom - top)
        if message and not frame.text:
            y, line_h = body.y + theme.px(2), theme.font("lg").get_linesize()
            for line in wrap(theme.font("lg"), message, body.w):
                if y + line_h > body.bottom:
                    break
                surface.blit(theme.text(line, "lg", "text2"), (body.x, y))
                y += line_h
            return
        self._draw_text(surface, body, frame)

    # ------------------------------------------------------------------ the sampled character

    def _draw_sample(self, surface, inner: pygame.Rect, frame: Frame) -> int:
        theme, step = self.theme, frame.step
        y = inner.y
        if step is None:
            hint = theme.text("The next character shows here as it is chosen.", "base", "dim")
            surface.blit(hint, (inner.x, y))
            return y + hint.get_height() + theme.px(2)
        head = theme.text(f"Position {step.position}", "base", "dim")
        surface.blit(head, (inner.x, y + theme.px(1)))
        box = pygame.Rect(inner.x + head.get_width() + theme.px(1.5), y, theme.px(7), theme.px(6))
        pygame.draw.rect(surface, theme.colour["cyan"], box, border_radius=theme.px(0.75))
        picture = theme.text(glyph(step.char), "xl", "bg", mono=True, bold=True)
        surface.blit(picture, picture.get_rect(center=box.center))
        prob = theme.text(f"p = {step.prob:.2f}", "lg", "text", mono=True, bold=True)
        x = box.right + theme.px(2)
        surface.blit(prob, (x, box.centery - prob.get_height() // 2))
        x += prob.get_width() + theme.px(2)
        note = (
            "NEW CONTEXT WINDOW ⚡"
            if frame.cache_event() in ("init", "slide")
            else "SAMPLING NOW ⚡"
        )
        colour = flash(theme, frame.now, "cyan") if frame.live else "dim"
        sign = theme.text(note, "sm", colour, mono=True, bold=True)
        arrow_end = inner.right - sign.get_width() - theme.px(1.5)
        if arrow_end > x + theme.px(4):
            pygame.draw.line(surface, theme.colour["faint"], (x, box.centery),
                             (arrow_end, box.centery), max(2, theme.px(0.4)))  # fmt: skip
            pygame.draw.polygon(surface, theme.colour["faint"], [
                (x - theme.px(1), box.centery), (x + theme.px(1), box.centery - theme.px(1)),
                (x + theme.px(1), box.centery + theme.px(1))])  # fmt: skip
        surface.blit(sign, (inner.right - sign.get_width(), box.centery - sign.get_height() // 2))
        y = box.bottom + theme.px(1.5)
        return self._draw_top5(surface, inner, y, step)

    def _draw_top5(self, surface, inner: pygame.Rect, y: int, step: DecodeStep) -> int:
        theme = self.theme
        label = theme.text("top 5", "sm", "dim")
        surface.blit(label, (inner.x, y))
        x = inner.x + label.get_width() + theme.px(2)
        slot = max(theme.px(10), (inner.right - x) // 5)
        bar_w = slot - theme.px(8)
        for char, p in step.top[:5]:
            chosen = char == step.char
            picture = theme.text(f"'{glyph(char)}'", "sm", "cyan" if chosen else "text2", mono=True,
                               bold=chosen)  # fmt: skip
            surface.blit(picture, (x, y))
            bx = x + theme.px(6)
            track = pygame.Rect(bx, y + theme.px(0.75), max(theme.px(2), bar_w), theme.px(1.5))
            pygame.draw.rect(surface, theme.colour["raised"], track)
            fill = track.copy()
            fill.w = max(1, round(track.w * p))
            pygame.draw.rect(surface, theme.colour["cyan" if chosen else "blue"], fill)
            value = theme.text(f"{p:.2f}", "xs", "dim", mono=True)
            surface.blit(value, (bx, track.bottom + theme.px(0.25)))
            x += slot
        return y + theme.px(6)

    # ------------------------------------------------------------------ the growing text

    def _starts(self, text: str, columns: int) -> list[int]:
        if self._wrap[0] != (text, columns):
            self._wrap = ((text, columns), wrap_starts(text, columns))
        return self._wrap[1]

    def _draw_text(self, surface, body: pygame.Rect, frame: Frame) -> None:
        theme, text = self.theme, frame.text
        font = theme.font(TEXT_SIZE, mono=True)
        cw, lh = max(1, font.size("M")[0]), font.get_linesize() + theme.px(0.5)
        columns = max(8, body.w // cw - 1)
        starts = self._starts(text, columns)
        rows = max(1, body.h // lh)
        first = max(0, len(starts) - rows)

        def place(i: int) -> tuple[int, int] | None:
            line = bisect_right(starts, i) - 1
            if line < first:
                return None
            return body.x + (i - starts[line]) * cw, body.y + (line - first) * lh

        self._shade_credit(surface, frame, place, cw, lh)
        for line in range(first, len(starts)):
            shown, start = visible_text(text, starts, line), starts[line]
            y = body.y + (line - first) * lh
            cut = min(len(shown), max(0, frame.origin - start))
            if cut:
                surface.blit(theme.text(shown[:cut], TEXT_SIZE, "light", mono=True), (body.x, y))
            if shown[cut:].strip():
                x = body.x + cut * cw
                surface.blit(theme.text(shown[cut:], TEXT_SIZE, "text", mono=True), (x, y))
        if frame.step is not None and text:
            spot = place(len(text) - 1)
            if spot:
                box = pygame.Rect(spot[0] - 1, spot[1], cw + 2, lh - theme.px(0.25))
                pygame.draw.rect(surface, theme.colour["cyan"], box, border_radius=2)
                picture = theme.text(glyph(text[-1]), TEXT_SIZE,
                                   "bg", mono=True, bold=True)  # fmt: skip
                surface.blit(picture, (spot[0], spot[1]))

    def _shade_credit(self, surface, frame: Frame, place, cw: int, lh: int) -> None:
        step, text, colour = frame.step, frame.text, self.theme.colour
        if step is None or not step.credit or len(text) < len(step.context) + 1:
            return
        start = len(text) - 1 - len(step.context)
        if text[start:-1] != step.context:
            return  # the text and the step disagree (a new decode is starting): shade nothing
        top = max(abs(c) for c in step.credit) or 1.0
        for offset, credit in enumerate(step.credit):
            spot = place(start + offset)
            if spot is None or text[start + offset] == "\n":
                continue
            strength = (abs(credit) / top) ** CREDIT_GAMMA
            tint = colour["blue"] if credit >= 0 else colour["warning"]
            shade = mix(colour["panel"], tint, 0.85 * strength)
            pygame.draw.rect(surface, shade, (spot[0], spot[1], cw, lh - self.theme.px(0.25)))
