"""Run the Style Transfer recipe on every text in tests/fixtures/style and print one table per seed.

    PYTHONPATH=. .venv/bin/python scripts/style_trials.py '{"learning_rate": 2e-3}'

The optional JSON holds overrides (style_session_config keywords such as "learning_rate",
"temperature" or "frozen"; "base": a trial base file, with the char_base_words.txt beside it
if it has one; "sample_seeds": the before and after
samples' seeds, default [1337, 7], each read off the same tuned model; "only": a list of text
names; "dump": a JSON file of every figure; "threads": torch threads, default 1;
"lr_scales": [["ln_f.", 10]], learning-rate multipliers by parameter name), for the trials
recorded in docs/style-transfer.md. One text at a time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from llmbreaker.commands.style import fine_tune_seeds
from llmbreaker.style_recipe import prepare_text
from llmbreaker.text_input import load_file

TEXTS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "style"
SHORT = {"formality": "F", "sentence_length": "L", "richness": "R"}


def row(name: str, words: int, r: dict) -> str:
    style = r["style"]
    closer = "".join(SHORT[c] for c in r["closer"]) or "-"
    return (
        f"{name:<18}{words:>5}w  steps {r['steps']:>3} ({r['best_step']:>3})  "
        f"verb {r['verbatim']:>4.0%}  val {r['base_val']:.2f}->{r['best_val']:.2f} "
        f"({r['gain']:+.2f})  real {r['real_words']:>4.0%}  closer {closer:<3} "
        f"{r['seconds']:>5.1f}s  "
        + "  ".join(
            f"{SHORT[k]} "
            + "/".join(f"{style[series][k]:.2f}" for series in ("yours", "before", "after"))
            for k in SHORT
        )
    )


def summary(rows: list[dict]) -> str:
    passed = {k: sum(r["checks"][k] for r in rows) for k in rows[0]["checks"]}
    gains = [r["gain"] for r in rows]
    return (
        f"passes of {len(rows)}: {passed}  gain mean {sum(gains) / len(gains):.3f} "
        f"min {min(gains):.3f}  real min {min(r['real_words'] for r in rows):.0%}  "
        f"verbatim max {max(r['verbatim'] for r in rows):.0%}  "
        f"closer mean {sum(len(r['closer']) for r in rows) / len(rows):.2f}"
    )


def main() -> None:
    overrides = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    if "base" in overrides:  # another base file (a trial build): its path and shape
        from llmbreaker import style_recipe
        from llmbreaker.base_model import base_shape

        style_recipe.BASE_PATH = Path(overrides.pop("base"))
        style_recipe.BASE_SHAPE = base_shape(style_recipe.BASE_PATH)
        words = style_recipe.BASE_PATH.with_name("char_base_words.txt")
        if words.is_file():  # its own corpus's words, for the real-words figure
            from llmbreaker import style_report

            style_report.WORDS_PATH = words
    seeds = overrides.pop("sample_seeds", [1337, 7])
    only = overrides.pop("only", None)
    dump = overrides.pop("dump", None)
    threads = overrides.pop("threads", 1)  # 2 for the quiet-window measurement
    if "frozen" in overrides:
        overrides["frozen"] = tuple(overrides["frozen"])
    if "lr_scales" in overrides:  # [["ln_f.", 10], ...]
        overrides["lr_scales"] = tuple((prefix, m) for prefix, m in overrides["lr_scales"])
    by_seed: dict[int, list[dict]] = {s: [] for s in seeds}
    for path in sorted(TEXTS.glob("*.txt")):
        if only and path.stem not in only:
            continue
        loaded = load_file(path)
        text, _ = prepare_text(loaded.text)
        for seed, r in zip(seeds, fine_tune_seeds(text, threads, seeds, **overrides), strict=True):
            r.update(name=path.stem, words=loaded.words)
            by_seed[seed].append(r)
            print(f"{seed:>5} " + row(path.stem, loaded.words, r), flush=True)
    for seed, rows in by_seed.items():
        print(f"seed {seed}: " + summary(rows))
    both = [sum(len(r["closer"]) >= 2 for r in rs) for rs in zip(*by_seed.values(), strict=True)]
    print(f"closer >= 2 at every seed: {sum(b == len(seeds) for b in both)} of {len(both)}")
    if dump:
        Path(dump).write_text(json.dumps(by_seed, indent=1))


if __name__ == "__main__":
    main()
