"""The one key-binding table: every handler, the help overlay, hints and captions read it."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

GLOBAL = "global"
SESSION = "session"  # the training controls every tab shares, for the session it shows
HELP = "help"  # keys that work while the help overlay is open
SCOPE_TITLES = {
    GLOBAL: "Everywhere",
    "landing": "Landing",
    "dashboard": "Switch tabs",
    SESSION: "Training (every tab, for the session it shows)",
    HELP: "This help",
}
# Typed characters that are bindings in their own right, whatever key makes them.
TYPED_KEYS = {"?", "+", "-", "=", ".", ","}
# pygame's names for some keys hold a space; the table writes them without.
PYGAME_NAMES = {"page up": "pageup", "page down": "pagedown", "enter": "return"}
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
# Training speeds and their keys (F5-F9), on every tab; the worker knows the names.
SPEEDS = (("1x", "f5"), ("2x", "f6"), ("5x", "f7"), ("10x", "f8"), ("max", "f9"))


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
    """"global", "session", a scene name or a tab id."""
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

    @property
    def first_label(self) -> str:
        return key_label(self.keys[0]) if self.keys else ""


def key_label(key: str) -> str:
    parts = key.split("+") if key != "+" else ["+"]
    return "+".join(KEY_LABELS.get(p, p.capitalize() if len(p) > 1 else p.upper()) for p in parts)


def scoped_bindings(scope: str, rows) -> list[Binding]:
    """A tab's rows (key, action, description, id), ids prefixed with the scope ("decode_step")."""
    return [Binding(key, action, text, f"{scope}_{id_}", scope) for key, action, text, id_ in rows]


GLOBAL_BINDINGS = [
    Binding("f1,?", "help", "Show or hide this help", "help"),
    Binding("escape", "back", "Close help, or go back to the landing screen", "back"),
    Binding("f11", "fullscreen", "Toggle full screen", "fullscreen"),
    Binding("f12", "screenshot", "Save a screenshot (PNG) to the exports folder", "screenshot"),
    Binding("ctrl+q", "quit", "Quit (disabled in kiosk mode)", "quit"),
    Binding("return", "launch", "Launch the exhibit", "launch", "landing"),
    Binding("right,pagedown,down", "help_next", "Next page of this help", "help_next", HELP),
    Binding("left,pageup,up", "help_previous", "Previous page", "help_previous", HELP),
]

SESSION_BINDINGS = [
    Binding("space", "play_pause", "Start, pause or resume training", "play_pause", SESSION),
    Binding("s", "step", "One training step (while paused)", "step", SESSION),
    *[
        Binding(key, f"speed:{name}", f"Training speed {name}", f"speed_{name}", SESSION)
        for name, key in SPEEDS
    ],
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
    """The table's name for a KEYDOWN event: "ctrl+q", "right", "pageup", "?"."""
    typed = getattr(event, "unicode", "") or ""
    if typed in TYPED_KEYS:
        return typed
    name = pygame.key.name(event.key).lower()
    name = PYGAME_NAMES.get(name, name)  # keypad enter behaves like return
    mods = getattr(event, "mod", 0)
    if mods & pygame.KMOD_CTRL:
        name = "ctrl+" + name
    if mods & pygame.KMOD_ALT:
        name = "alt+" + name
    return name


class KeyMap:
    """Dispatch: a key name and the active scopes give at most one action."""

    def __init__(self, bindings: list[Binding], remap: dict[str, str] | None = None) -> None:
        self.remap = dict(remap or {})
        self.bindings: list[Binding] = []
        self.add(bindings)

    def add(self, bindings: list[Binding]) -> None:
        """Append rows not yet known (by scope and id); a remap applies to every row."""
        known = {(b.scope, b.id) for b in self.bindings}
        for binding in bindings:
            if (binding.scope, binding.id) not in known:
                known.add((binding.scope, binding.id))
                self.bindings.append(replace(binding, key=self.remap.get(binding.id, binding.key)))

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

    def binding(self, binding_id: str) -> Binding | None:
        return next((b for b in self.bindings if b.id == binding_id), None)

    def label(self, binding_id: str, first: bool = False) -> str:
        """The key (or keys) a row is bound to now, as shown to people: "Space", "F5"."""
        binding = self.binding(binding_id)
        if binding is None:
            return ""
        return binding.first_label if first else binding.label

    def hint(self, *binding_ids: str, joiner: str = " / ") -> str:
        """The first key of each row, joined: hint("attention_head_prev", "attention_head_next")
        gives "[ / ]"."""
        return joiner.join(label for i in binding_ids if (label := self.label(i, first=True)))

    def grouped(self, scopes: list[str] | None = None) -> list[tuple[str, list[Binding]]]:
        """Visible rows grouped by scope: in the order of `scopes` if given, else table order."""
        groups: dict[str, list[Binding]] = {}
        for binding in self.bindings:
            if binding.show and (scopes is None or binding.scope in scopes):
                groups.setdefault(binding.scope, []).append(binding)
        if scopes is None:
            return list(groups.items())
        return [(scope, groups[scope]) for scope in scopes if scope in groups]
