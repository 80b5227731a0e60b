"""Refused or cut input always says so: prompt length, a file too big to type into, paths."""

import pygame

from llmbreaker.limits import MAX_TYPED_CHARS


def _typed(pilot, text: str) -> None:
    """Characters as SDL delivers them while a text field has focus, all in one frame."""
    for char in text:
        pilot.app.inject(pygame.event.Event(pygame.TEXTINPUT, text=char))
    pilot.frames(1)


def test_a_prompt_past_400_characters_is_refused_with_a_message(pilot):
    pilot.press("enter", frames=2)
    pilot.press("4", "e")
    _typed(pilot, "a" * 450)
    assert len(pilot.tab.box.text) == 400
    assert "Prompt too long: 401 characters. Max 400." in pilot.app.toasts.messages
    assert len(pilot.app.toasts.items) == 1  # 50 refused keys, one message kept up


def test_typing_into_a_file_too_big_to_type_says_why(pilot, tmp_path):
    big = tmp_path / "novel.txt"
    big.write_text(("All work and no play makes a dull day. " * 1600)[: MAX_TYPED_CHARS + 5000])
    pilot.press("enter", frames=2)
    pilot.press("3")
    pilot.drop(big)
    assert pilot.app.background.wait()
    pilot.frames(1)
    assert pilot.tab.from_file is not None
    pilot.press("e")
    _typed(pilot, "x")
    message = pilot.app.toasts.messages[-1]
    assert message.startswith("novel.txt has 55,000 characters") and "Ctrl+A" in message
    assert pilot.tab.inline_error == message


def test_the_open_prompt_starts_empty(pilot):
    pilot.press("enter", frames=2)
    pilot.press("3", "o")
    _typed(pilot, "/no/such/file.txt")
    pilot.press("return")
    assert pilot.app.background.wait()
    pilot.frames(1)
    assert "File not found" in pilot.app.toasts.messages[-1]
    pilot.press("o")
    assert pilot.tab.path_prompt.visible and pilot.tab.path_prompt.box.text == ""
