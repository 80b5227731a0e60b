"""The pygame exhibit: scenes, tabs and widgets that show a tiny GPT learn (no torch here)."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
