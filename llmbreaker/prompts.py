"""The one check of a prompt to continue: not empty, and only characters the model has seen.

Torch-free, so the worker, the decoder, the command line and the exhibit all ask the same
question and show the same words.
"""

from __future__ import annotations

from llmbreaker.errors import INVALID_PROMPT, LLMBreakerError

SHOWN_MISSING = 5  # unknown characters named in the message; the rest are counted


def prompt_error(vocab: str | None, prompt: str) -> LLMBreakerError | None:
    """Why prompt cannot be continued by a model with these characters, or None if it can.

    vocab is the model's characters in token order (Vocab.chars, Started.vocab); None when no
    model exists yet, so only emptiness is checked (the worker checks again).
    """
    if not prompt:
        return LLMBreakerError(INVALID_PROMPT, "Type a prompt first: it cannot be empty.")
    if vocab is None:
        return None
    known = set(vocab)
    missing = "".join(dict.fromkeys(c for c in prompt if c not in known))
    if not missing:
        return None
    shown = ", ".join(repr(c) for c in missing[:SHOWN_MISSING])
    extra = len(missing) - SHOWN_MISSING
    more = f" and {extra} more" if extra > 0 else ""
    return LLMBreakerError(
        INVALID_PROMPT, f"The model has never seen {shown}{more}; try a prompt without them."
    )


def check_prompt(vocab: str | None, prompt: str) -> None:
    """Raise prompt_error's LLMBreakerError, if there is one."""
    error = prompt_error(vocab, prompt)
    if error is not None:
        raise error
