"""The system clipboard through pygame.scrap, with an in-process fallback where there is none."""

from __future__ import annotations

import contextlib

import pygame

_local = {"text": ""}  # used when SDL has no clipboard (no window yet, odd drivers)


def get_text() -> str:
    """The clipboard's text, or "" when it holds none."""
    try:
        text = pygame.scrap.get_text()
    except (pygame.error, AttributeError, NotImplementedError):
        return _local["text"]
    return text or _local["text"]


def put_text(text: str) -> None:
    """Place text on the clipboard (and in the fallback, so a paste finds it either way)."""
    _local["text"] = text
    with contextlib.suppress(pygame.error, AttributeError, NotImplementedError):
        pygame.scrap.put_text(text)
