"""Guess the next character: the game's rules, its high scores and its panels."""
