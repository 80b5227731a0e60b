"""Regenerate docs/tui.svg, docs/tui.txt (and docs/tui.png where ImageMagick can) from a real run.

.venv/bin/python docs/tui_capture.py
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from rich.console import Console

from llmbreaker.commands.tui_driver import decode_state
from llmbreaker.config import session_config
from llmbreaker.datasets import load_corpus
from llmbreaker.decoding import decode_steps
from llmbreaker.trainer import Trainer
from llmbreaker.tui import LiveTUI, TrainingState

DOCS = Path(__file__).resolve().parent


def main() -> None:
    config = session_config("seed", dataset="tiny", max_iters=400)
    trainer = Trainer(config.model, config.train, load_corpus("tiny"))
    for _ in range(400):
        loss = trainer.train_step().loss
    console = Console(record=True, width=120, height=48, force_terminal=True, file=io.StringIO())
    tui = LiveTUI(
        num_layers=2,
        num_heads=2,
        max_cache=trainer.model_cfg.block_size,
        console=console,
        read_keys=False,
    )
    steps = decode_steps(trainer.model, trainer.vocab, "The cat ", 30)
    step = [s for s in steps][-1]
    tui.update_training(
        TrainingState(step=400, loss=loss, tokens_per_sec=18000, max_steps=400, status="done")
    )
    tui.update_decode(decode_state(step, layer=1))
    tui.update_credit(list(step.context), list(step.credit))
    console.print(tui.render_frame(120, 48, now=0.0))
    console.save_svg(str(DOCS / "tui.svg"), title="llmbreaker tui", clear=False)
    (DOCS / "tui.txt").write_text(console.export_text(), encoding="utf-8")
    if shutil.which("convert"):
        subprocess.run(["convert", str(DOCS / "tui.svg"), str(DOCS / "tui.png")], check=False)


if __name__ == "__main__":
    main()
