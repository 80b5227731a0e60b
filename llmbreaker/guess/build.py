"""Train once on a bundled corpus, keep a few checkpoints, and store their guesses on held-out
lines, so the exhibit's game starts instantly and never trains. Needs torch."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

from llmbreaker.config import get_preset
from llmbreaker.datasets import list_datasets, load_corpus
from llmbreaker.guess.cache import (
    CORPUS,
    TOP,
    CacheProblem,
    Checkpoint,
    GameLine,
    GuessCache,
    Predictions,
    cache_path,
    save,
)
from llmbreaker.guess.lines import HeldOutLine, held_out_lines
from llmbreaker.guess.recipe import RECIPE, Recipe, corpus_sha256
from llmbreaker.trainer import Trainer

LN2 = math.log(2)


@torch.inference_mode()
def line_predictions(trainer: Trainer, lines: list[HeldOutLine]) -> list[Predictions]:
    """For every position of every line: the true character's probability and the top three."""
    model, vocab = trainer.shown, trainer.vocab
    model.eval()
    block = trainer.model_cfg.block_size
    windows, targets = [], []
    for line in lines:
        ids = vocab.encode(line.lead[-block:] + line.text)
        lead = len(ids) - len(line.text)
        for i in range(len(line.text)):
            windows.append(ids[lead + i - block : lead + i])
            targets.append(ids[lead + i])
    x = torch.from_numpy(np.stack(windows))  # (N, T): the context before each character
    y = torch.from_numpy(np.array(targets))  # (N,)
    probs = torch.cat([torch.softmax(model(part)[0][:, -1, :], dim=-1) for part in x.split(1024)])
    p_true = probs.gather(1, y[:, None])[:, 0]  # (N,)
    top_p, top_i = probs.topk(TOP, dim=-1)  # (N, TOP)
    out, at = [], 0
    for line in lines:
        n = len(line.text)
        out.append(
            Predictions(
                tuple(_short(p) for p in p_true[at : at + n]),
                tuple(vocab.decode(row.tolist()) for row in top_i[at : at + n]),
                tuple(tuple(_short(p) for p in row) for row in top_p[at : at + n]),
            )
        )
        at += n
    return out


def _short(p: torch.Tensor) -> float:
    """Four significant digits: bits stay exact to 0.001 and the file stays small."""
    return float(f"{float(p):.4g}")


def build(
    path: Path | None = None,
    recipe: Recipe = RECIPE,
    threads: int = 2,
    text: str | None = None,
    say: Callable[[str], None] = print,
) -> GuessCache:
    """Train the recipe's run on the corpus (or `text`), keep its checkpoints, write the file."""
    started = time.perf_counter()
    text = load_corpus(CORPUS) if text is None else text
    preset = get_preset(recipe.preset)
    train = replace(preset.train, max_iters=recipe.steps, threads=threads)
    trainer = Trainer(preset.model, train, text)
    block = trainer.model_cfg.block_size
    lines = held_out_lines(text, train.val_fraction, block, recipe.lines, recipe.line_chars)
    if not lines:
        raise CacheProblem("The corpus's held-out part is too short for any line.")
    checkpoints: list[Checkpoint] = []
    predictions: list[list[Predictions]] = []
    read_per_step = train.batch_size * block
    for keep in sorted(set(recipe.keep) | {0}):
        while trainer.step < keep:
            trainer.train_step()
        kept = line_predictions(trainer, lines)
        positions = [p for line in kept for p in line.p_true]
        line_bits = sum(-math.log2(max(p, 1e-9)) for p in positions) / len(positions)
        val_bits = trainer.split_loss("val") / LN2
        checkpoints.append(Checkpoint(trainer.step, trainer.step * read_per_step,
                                      round(val_bits, 4), round(line_bits, 4)))  # fmt: skip
        predictions.append(kept)
        say(f"step {trainer.step:>5,}: {val_bits:.2f} bits per character on held-out text "
            f"({time.perf_counter() - started:.0f} s)")  # fmt: skip
    cache = GuessCache(
        corpus=CORPUS,
        corpus_title=_title(CORPUS),
        corpus_sha256=corpus_sha256(text),
        recipe=recipe.fingerprint(),
        alphabet=trainer.vocab.chars,
        train_characters=len(trainer.train_data),
        checkpoints=tuple(checkpoints),
        lines=tuple(
            GameLine(line.lead, line.text, tuple(p[i] for p in predictions))
            for i, line in enumerate(lines)
        ),
        build_seconds=round(time.perf_counter() - started, 1),
    )
    save(cache, path or cache_path())
    return cache


def _title(name: str) -> str:
    return next((info.title for info in list_datasets() if info.name == name), name)
