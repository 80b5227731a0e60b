"""Run the Style Transfer recipe on every text in tests/fixtures/style and print one table.

    PYTHONPATH=. .venv/bin/python scripts/style_trials.py '{"learning_rate": 2e-3}'

The optional JSON holds overrides (style_session_config keywords such as "learning_rate",
"temperature" or "frozen"; "base": a trial base file; "sample_seed"), for the trials
recorded in docs/style-transfer.md. One thread, one text at a time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from llmbreaker.commands.style import fine_tune
from llmbreaker.style_recipe import prepare_text
from llmbreaker.text_input import load_file

TEXTS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "style"


def main() -> None:
    overrides = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    if "base" in overrides:  # another base file (a trial build): its path and shape
        from llmbreaker import style_recipe
        from llmbreaker.base_model import base_shape

        style_recipe.BASE_PATH = Path(overrides.pop("base"))
        style_recipe.BASE_SHAPE = base_shape(style_recipe.BASE_PATH)
    seed = overrides.pop("sample_seed", 1337)  # the before and after samples' seed
    rows = []
    for path in sorted(TEXTS.glob("*.txt")):
        loaded = load_file(path)
        text, _ = prepare_text(loaded.text)
        r = fine_tune(text, 1, seed, **overrides)
        style = r["style"]
        short = {"formality": "F", "sentence_length": "L", "richness": "R"}
        closer = "".join(short[c] for c in r["closer"]) or "-"
        rows.append(r)
        print(
            f"{path.stem:<18}{loaded.words:>5}w  steps {r['steps']:>3} ({r['best_step']:>3})  "
            f"verb {r['verbatim']:>4.0%}  val {r['base_val']:.2f}->{r['best_val']:.2f} "
            f"({r['gain']:+.2f})  real {r['real_words']:>4.0%}  closer {closer:<3} "
            f"{r['seconds']:>5.1f}s  "
            + "  ".join(
                f"{short[k]} "
                + "/".join(f"{style[series][k]:.2f}" for series in ("yours", "before", "after"))
                for k in short
            ),
            flush=True,
        )
    passed = {k: sum(r["checks"][k] for r in rows) for k in rows[0]["checks"]}
    gains = [r["gain"] for r in rows]
    print(
        f"passes of {len(rows)}: {passed}  gain mean {sum(gains) / len(gains):.3f} "
        f"min {min(gains):.3f}  real min {min(r['real_words'] for r in rows):.0%}  "
        f"verbatim max {max(r['verbatim'] for r in rows):.0%}  "
        f"closer mean {sum(len(r['closer']) for r in rows) / len(rows):.2f}"
    )


if __name__ == "__main__":
    main()
