"""Error codes shared by the engine, the command line and the exhibit."""

from __future__ import annotations

# The user-facing codes of the specification's error table, plus those the engine adds.
FILE_TOO_LARGE = "file_too_large"
FILE_INVALID_TYPE = "file_invalid_type"
FILE_UNREADABLE = "file_unreadable"
TEXT_TOO_SHORT = "text_too_short"
TEXT_TOO_LONG = "text_too_long"
OUT_OF_MEMORY = "out_of_memory"
SESSION_NOT_FOUND = "session_not_found"
TRAINING_FAILED = "training_failed"
INVALID_CONFIG = "invalid_config"
DATASET_NOT_FOUND = "dataset_not_found"
INVALID_PROMPT = "invalid_prompt"  # not a session error: the visitor fixes the prompt


class LLMBreakerError(Exception):
    """An error with a stable code and a message fit to show a visitor."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message
