"""The one key-binding table: every handler, the help overlay and captions read it."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

GLOBAL = "global"
SCOPE_TITLES = {GLOBAL: "Everywhere", "landing": "Landing", "dashboard": "Dashboard"}
# Typed characters that are bindings in their own right, whatever key makes them.
TYPED_KEYS = {"?", "+", "-", "=", ".", ","}
KEY_ALIASES = {"enter": "return", "esc": "escape"}  # friendlier spellings of SDL's names
KEY_LABELS = {
    "return": "Enter",
    "space": "Space",
    "backspace": "Backspace",
    "escape": "Esc",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "ctrl": "Ctrl",
    "alt": "Alt",
}


@dataclass(frozen=True)
class Binding:
    """One row of the key table (the habit of Textual's Binding)."""

    key: str
    """Comma-separated key names: "space", "right,s", "ctrl+q", "?"."""
    action: str
    """What the handler is called with; "tab:2" carries an argument after the colon."""
    description: str
    """One line for the help overlay."""
    id: str
    """Stable name an exhibit config can remap by."""
    scope: str = GLOBAL
    """"global", a scene name or a tab id."""
    show: bool = True
    """False hides the row from the help overlay."""

    @property
    def keys(self) -> tuple[str, ...]:
        if self.key.strip() == ",":  # the comma key itself
            return (",",)
        return tuple(part.strip() for part in self.key.split(",") if part.strip())

    @property
    def label(self) -> str:
        return " / ".join(key_label(k) for k in self.keys)


def key_label(key: str) -> str:
    parts = key.split("+")
    return "+".join(KEY_LABELS.get(p, p.capitalize() if len(p) > 1 else p.upper()) for p in parts)


GLOBAL_BINDINGS = [
    Binding("f1,?", "help", "Show or hide this help", "help"),
    Binding("escape", "back", "Close help, or go back to the landing screen", "back"),
    Binding("f11", "fullscreen", "Toggle full screen", "fullscreen"),
    Binding("f12", "screenshot", "Save a screenshot (PNG) to the exports folder", "screenshot"),
    Binding("ctrl+q", "quit", "Quit (disabled in kiosk mode)", "quit"),
    Binding("return", "launch", "Launch the exhibit", "launch", "landing"),
    Binding("1", "tab:1", "Watch It Learn", "tab1", "dashboard"),
    Binding("2", "tab:2", "Attention Cinema", "tab2", "dashboard"),
    Binding("3", "tab:3", "Style Transfer", "tab3", "dashboard"),
    Binding("4", "tab:4", "Decode Live", "tab4", "dashboard"),
]


def key_event(name: str) -> pygame.event.Event:
    """A KEYDOWN as SDL would send it for a key name ("space", "ctrl+shift+q", "?")."""
    *mods, key = name.split("+") if len(name) > 1 else [name]
    key = KEY_ALIASES.get(key, key)
    mod = 0
    for held, flag in (("ctrl", pygame.KMOD_CTRL), ("alt", pygame.KMOD_ALT)):
        if held in mods:
            mod |= flag
    if "shift" in mods:
        mod |= pygame.KMOD_SHIFT
    if key == "?":
        return pygame.event.Event(
            pygame.KEYDOWN, key=pygame.K_SLASH, mod=pygame.KMOD_SHIFT, unicode="?"
        )
    code = pygame.key.key_code(key)
    typed = key if len(key) == 1 else (" " if key == "space" else "")
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=typed, scancode=0)


def event_key(event: pygame.event.Event) -> str:
    """The table's name for a KEYDOWN event: "ctrl+q", "right", "?"."""
    typed = getattr(event, "unicode", "") or ""
    if typed in TYPED_KEYS:
        return typed
    name = pygame.key.name(event.key).lower()
    if name == "enter":  # keypad enter behaves like return
        name = "return"
    mods = getattr(event, "mod", 0)
    if mods & pygame.KMOD_CTRL:
        name = "ctrl+" + name
    if mods & pygame.KMOD_ALT:
        name = "alt+" + name
    return name


class KeyMap:
    """Dispatch: a key name and the active scopes give at most one action."""

    def __init__(self, bindings: list[Binding], remap: dict[str, str] | None = None) -> None:
        remap = remap or {}
        self.bindings = [replace(b, key=remap.get(b.id, b.key)) for b in bindings]

    def add(self, bindings: list[Binding]) -> None:
        known = {(b.scope, b.id) for b in self.bindings}
        self.bindings += [b for b in bindings if (b.scope, b.id) not in known]

    def action_for(self, key: str, scopes: list[str]) -> tuple[str, str] | None:
        """(scope, action) of the first scope, in order, that binds this key."""
        binding = self.binding_for(key, scopes)
        return (binding.scope, binding.action) if binding else None

    def binding_for(self, key: str, scopes: list[str]) -> Binding | None:
        """The row of the first scope, in order, that binds this key."""
        for scope in scopes:
            for binding in self.bindings:
                if binding.scope == scope and key in binding.keys:
                    return binding
        return None

    def binding_of(self, action: str, scopes: list[str]) -> Binding | None:
        """The row that runs this action in the first scope, in order, that has it."""
        for scope in scopes:
            for binding in self.bindings:
                if binding.scope == scope and binding.action == action and binding.keys:
                    return binding
        return None

    def grouped(self) -> list[tuple[str, list[Binding]]]:
        """Visible rows grouped by scope, in table order: what the help overlay draws."""
        groups: dict[str, list[Binding]] = {}
        for binding in self.bindings:
            if binding.show:
                groups.setdefault(binding.scope, []).append(binding)
        return list(groups.items())
