"""Captions at the moments worth pointing at: first word, val below 2.0, memorising, done."""

from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor

from llmbreaker.datasets import load_corpus
from llmbreaker.errors import LLMBreakerError
from llmbreaker.session_state import SessionState
from llmbreaker.text_scan import find_all

WORD = re.compile(r"[A-Za-z]{3,}")
MIN_WORD_COUNT = 2  # a word must occur this often in the corpus to count as "real"
VAL_TARGET = 2.0
# A visitor's 5,000-character file under `quick`: val is lowest (1.95) at step 50, 2.65 at step
# 100 and 4.2 by step 400 while train falls to 0.19 and the samples become pasted sentences.
# Shakespeare's val never rises over 500 steps; checkpoint-to-checkpoint noise is under 0.05.
MEMORISING_RISE = 0.2  # val this far above its lowest, at two checkpoints running
MEMORISING = "Validation loss up"  # how the memorising caption starts (drawn as a warning)
# One long-lived thread reads word lists (a thread started per run made Thread.start() wait up
# to 150 ms for the new thread on a busy machine), and a bundled corpus is read only once.
_reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="word-lists")
_bundled: dict[str, Future[frozenset[str]]] = {}


def corpus_words(text: str) -> frozenset[str]:
    """Lower-case words of three or more letters that the corpus uses at least twice."""
    counts = Counter(word.lower() for word in find_all(WORD, text))
    return frozenset(word for word, n in counts.items() if n >= MIN_WORD_COUNT)


def real_words(sample: str, vocabulary: frozenset[str]) -> list[str]:
    """Words of the sample the corpus uses, written as words are (not "owN")."""
    found = WORD.findall(sample)
    return [
        w for w in found if w.lower() in vocabulary and (w.islower() or w.istitle() or w.isupper())
    ]


def _bundled_words(name: str) -> frozenset[str]:
    try:
        return corpus_words(load_corpus(name))
    except (LLMBreakerError, OSError):
        return frozenset()


class Milestones:
    """Watches one session's checkpoints and produces captions, each once."""

    def __init__(self, dataset: str | None = None, text: str | None = None) -> None:
        self.captions: list[tuple[int, str]] = []  # (step, caption), oldest first
        self._seen = 0
        self._found_word = self._below_target = self._done = False
        self._lowest: tuple[float, int] | None = None  # (val loss, step)
        self._risen = 0  # checkpoints in a row well above the lowest val
        self._memorising = False
        if text is not None:
            self._words = _reader.submit(corpus_words, text)
        else:
            name = dataset or ""
            if name not in _bundled:
                _bundled[name] = _reader.submit(_bundled_words, name)
            self._words = _bundled[name]

    @property
    def vocabulary(self) -> frozenset[str] | None:
        """The corpus's real words, or None while they are still being read."""
        return self._words.result() if self._words.done() else None

    @property
    def latest(self) -> str:
        return self.captions[-1][1] if self.captions else ""

    def update(self, state: SessionState) -> None:
        checkpoints = state.checkpoints
        while self._seen < len(checkpoints):
            cp = checkpoints[self._seen]
            if self.vocabulary is None and cp.step > 0:
                break  # wait for the word list before judging this checkpoint
            if cp.step == 0:
                self.captions.append((0, "Step 0: the untrained model types random characters."))
            if not self._found_word and self.vocabulary and cp.step > 0:
                words = real_words(cp.sample, self.vocabulary)
                if words:
                    self._found_word = True
                    self.captions.append(
                        (cp.step, f'First real word: "{words[0]}" at step {cp.step:,}.')
                    )
            if not self._below_target and cp.val_loss < VAL_TARGET:
                self._below_target = True
                self.captions.append(
                    (
                        cp.step,
                        f"Validation loss below {VAL_TARGET:.1f} at step {cp.step:,}: "
                        "it is learning how words are spelled.",
                    )
                )
            self._watch_for_memorising(cp.step, cp.val_loss)
            self._seen += 1
        done = state.completed
        if done is not None and not self._done and self._seen >= len(checkpoints):
            self._done = True
            lowest = ""
            if self._memorising and self._lowest is not None:
                lowest = f" (lowest {self._lowest[0]:.2f}, step {self._lowest[1]:,})"
            self.captions.append(
                (
                    done.step,
                    f"Done in {done.wall_time:.1f} s: train loss {done.train_loss:.2f}, "
                    f"validation {done.val_loss:.2f}{lowest}.",
                )
            )

    def _watch_for_memorising(self, step: int, val: float) -> None:
        """Say once when val climbs away from its lowest: the model learns the text by heart."""
        if self._lowest is None or val < self._lowest[0]:
            self._lowest, self._risen = (val, step), 0
            return
        self._risen = self._risen + 1 if val > self._lowest[0] + MEMORISING_RISE else 0
        if self._risen >= 2 and not self._memorising:
            self._memorising = True
            best, best_step = self._lowest
            self.captions.append(
                (
                    step,
                    f"{MEMORISING} since step {best_step:,} ({best:.2f} → {val:.2f}): "
                    "it is memorising the text.",
                )
            )
