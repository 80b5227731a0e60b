"""The scoreboard's rows from a line in play: the visitor first, then each checkpoint."""

from __future__ import annotations

from game.guess.frame import Guess, PlayerRow
from game.guess.line_game import LineGame

CHECKPOINT_COLOURS = ("faint", "dim", "dark_blue", "blue")  # darker = less trained


def player_rows(game: LineGame, player: str = "You") -> tuple[PlayerRow, ...]:
    last = game.revealed[-1] if game.revealed else None
    you = PlayerRow(
        player,
        f"{len(game.revealed)} of {len(game.line.text)} characters",
        game.visitor_mean(),
        tuple(Guess(c, None, c == last.char) for c in last.tries) if last else (),
        last.visitor_bits if last else None,
        "cyan",
    )
    rows = [you]
    means = game.model_means()
    checkpoints = game.cache.checkpoints
    for k, (checkpoint, mean) in enumerate(zip(checkpoints, means, strict=True)):
        guesses: tuple[Guess, ...] = ()
        if last is not None:
            pred, i = game.line.predictions[k], game.position - 1
            guesses = tuple(
                Guess(c, p, c == last.char)
                for c, p in zip(pred.top_chars[i], pred.top_probs[i], strict=True)
            )
        colour = CHECKPOINT_COLOURS[max(0, len(CHECKPOINT_COLOURS) - len(checkpoints) + k)]
        rows.append(
            PlayerRow(
                f"Model at step {checkpoint.step:,}",
                f"read {_short_count(checkpoint.characters_read)} characters",
                mean,
                guesses,
                last.model_bits[k] if last else None,
                colour,
            )
        )
    return tuple(rows)


def _short_count(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} million"
    if n >= 10_000:
        return f"{n / 1000:.0f},000"
    return f"{n:,}"
