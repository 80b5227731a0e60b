"""The bounds a visitor or a command line can meet, in one place (no imports: the game reads it).

The figures are the design's (DESIGN.md, sections 3 and 5); the checks that enforce them live
in config.py (training settings), text_input.py (files and typed text) and prompts.py.
"""

from __future__ import annotations

MB = 1024 * 1024

# Training settings (config.validate_train, validate_model).
MIN_BATCH_SIZE, MAX_BATCH_SIZE = 1, 128
MIN_ITERS, MAX_ITERS = 10, 10_000
MAX_LEARNING_RATE = 0.1  # the rate must be above 0 and at most this
MIN_EVAL_INTERVAL = 1
MAX_CONTEXT = 512  # characters of context a model may see

# The visitor's own text (text_input).
MAX_FILE_BYTES = 10 * MB
MIN_FILE_CHARS, MAX_FILE_CHARS = 100, 5_000_000
MIN_TYPED_CHARS, MAX_TYPED_CHARS = 50, 50_000
MIN_TYPED_WORDS = 50
# A paste this long is refused before any cleaning work: cleaning can shorten a text (NFKC,
# removed symbols), but never to a quarter of its length.
MAX_PASTE_CHARS = 4 * MAX_TYPED_CHARS

# Prompts to continue (prompts.check_prompt): the prompt bar holds at most this many.
MAX_PROMPT_CHARS = 400
