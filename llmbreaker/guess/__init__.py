"""Guess the next character: held-out lines, a training run's predictions on them, scoring.

`lines`, `cache` and `scoring` are torch-free (the exhibit reads them); `build` trains.
"""
