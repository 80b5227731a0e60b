"""F11: a window becomes a borderless window over the whole display, and back to its size."""

import pygame

from game.window_mode import WindowMode


def desktop() -> tuple[int, int]:
    return pygame.display.get_desktop_sizes()[0]


def test_f11_covers_the_display_and_returns_to_the_window(pilot):
    app = pilot.app
    windowed = app.screen.get_size()
    assert windowed != desktop()  # else the test could not tell the modes apart
    pilot.press("f11", frames=1)
    assert app.screen.get_size() == windowed  # one X request per frame: the window still draws
    pilot.frames(2)
    assert app.fullscreen and app.screen.get_size() == desktop()
    assert app.theme.size == desktop()  # the layout follows at once, not a frame later
    pilot.press("f11", frames=3)
    assert not app.fullscreen and app.screen.get_size() == windowed
    assert app.theme.size == windowed


def test_a_full_screen_launch_leaves_it_for_a_window():
    pygame.display.init()
    mode = WindowMode((800, 600), fullscreen=True)
    assert mode.open().get_size() == desktop()
    mode.toggle()
    assert mode.step().get_size() == (800, 600) and not mode.fullscreen
    mode.toggle()
    while mode.switching:
        mode.step()
    assert mode.fullscreen and pygame.display.get_surface().get_size() == desktop()


def test_f11_pressed_again_mid_switch_goes_back_to_the_window(pilot):
    windowed = pilot.app.screen.get_size()
    pilot.press("f11", frames=1)
    pilot.press("f11", frames=4)
    assert not pilot.app.fullscreen and pilot.app.screen.get_size() == windowed
