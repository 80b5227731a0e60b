"""LLMBreaker: a tiny character-level GPT that trains live and shows its learning."""

__version__ = "0.1.0"
