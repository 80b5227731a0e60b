"""The tab registry: imports each tab module by name, with a placeholder when one cannot load."""

from __future__ import annotations

import importlib
import logging

from game.keys import Binding
from game.tabs.base import AppContext, Tab
from game.tabs.placeholder import PlaceholderTab

log = logging.getLogger(__name__)

# (module, tab id, title, key): the dashboard's tabs in order; the digit keys come from here.
# Tabs 5 ("game.tabs.break_it", "break", "Break It", "5") and 6 ("game.tabs.guess", "guess",
# "Guess the next character", "6") are built by their own teams: they add their row here.
TAB_MODULES = [
    ("game.tabs.watch", "watch", "Watch It Learn", "1"),
    ("game.tabs.attention", "attention", "Attention Cinema", "2"),
    ("game.tabs.style", "style", "Style Transfer", "3"),
    ("game.tabs.decode", "decode", "Decode Live", "4"),
    ("game.tabs.break_it", "break", "Break It", "5"),
]


def build_tabs(ctx: AppContext) -> list[Tab]:
    """One live Tab per entry; a missing or broken module becomes a placeholder panel."""
    tabs: list[Tab] = []
    for module_name, tab_id, title, key in TAB_MODULES:
        try:
            module = importlib.import_module(module_name)
            tab = module.TAB(ctx)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                log.exception("tab %s failed to import", module_name)
            reason = "" if exc.name == module_name else f"Could not load: {exc}"
            tab = PlaceholderTab(ctx, tab_id, title, key, reason)
        except Exception as exc:  # a broken tab must not take the exhibit down
            log.exception("tab %s failed to load", module_name)
            tab = PlaceholderTab(ctx, tab_id, title, key, f"Could not load: {exc}")
        tab.key = key
        tabs.append(tab)
    return tabs


def tab_bindings() -> list[Binding]:
    """The digit that opens each tab, from the registry (no tab module is imported)."""
    return [
        Binding(key, f"tab:{key}", title, f"tab{key}", "dashboard")
        for _, _, title, key in TAB_MODULES
    ]
