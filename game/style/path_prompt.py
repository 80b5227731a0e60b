"""A one-line prompt to type the path of a .txt or .docx file: Enter opens it, Esc cancels."""

from __future__ import annotations

import pygame

from game.style.text_box import TextBox


class PathPrompt:
    """Open with show(); handle_event returns True while it owns the keys; read `submitted`."""

    def __init__(self, theme) -> None:
        self.theme = theme
        self.box = TextBox(theme, max_chars=4096, single_line=True)
        self.box.placeholder = "Type a file path, e.g. ~/essay.docx"
        self.visible = False
        self.submitted: str | None = None  # set on Enter; the owner takes it and clears it

    def show(self) -> None:
        """Open empty: the last path is not a hint, and editing it by surprise loses keys."""
        self.visible, self.box.focused, self.submitted = True, True, None
        self.box.set_text("")

    def hide(self) -> None:
        self.visible, self.box.focused = False, False

    def handle_event(self, event: pygame.event.Event) -> bool:
        if not self.visible:
            return False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.hide()
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.box.text.strip():
                self.submitted = self.box.text.strip()
                self.hide()
            return True
        self.box.handle_event(event)
        return event.type in (pygame.KEYDOWN, pygame.TEXTINPUT)  # typing never leaks out

    def update(self, dt: float) -> None:
        self.box.update(dt)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        if not self.visible:
            return
        theme = self.theme
        label = theme.text("Open file:", "sm", "text2", bold=True)
        height = theme.font("sm", mono=True).get_linesize() + theme.px(2)
        surface.blit(label, (rect.x, rect.y + (height - label.get_height()) // 2))
        box = pygame.Rect(rect.x + label.get_width() + theme.px(1), rect.y,
                          rect.w - label.get_width() - theme.px(1), height)  # fmt: skip
        self.box.draw(surface, box)
        hint = theme.text("Enter opens  ·  Esc cancels", "xs", "dim")
        surface.blit(hint, (box.x, box.bottom + theme.px(0.5)))
