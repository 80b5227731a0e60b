"""Regenerate docs/tui.svg, docs/tui.txt and docs/tui.png from a real run:

.venv/bin/python docs/tui_capture.py
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from llmbreaker.commands.tui_driver import decode_state
from llmbreaker.config import session_config
from llmbreaker.datasets import load_corpus
from llmbreaker.decoding import decode_steps
from llmbreaker.trainer import Trainer
from llmbreaker.tui import OPTIONAL_PARTS, LiveTUI, TrainingState

DOCS = Path(__file__).resolve().parent
FONTS = Path("/usr/share/fonts/truetype/dejavu")
BACKGROUND = "#0f172a"  # the exhibit's slate
FOREGROUND = "#e2e8f0"
SHADES = {"░": 0.25, "▒": 0.5, "▓": 0.75, "█": 1.0}


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
        hide=OPTIONAL_PARTS,  # as `llmbreaker tui` shows a character model
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
    (DOCS / "tui.txt").write_text(console.export_text(clear=False), encoding="utf-8")
    save_png(console, DOCS / "tui.png")


def save_png(console: Console, path: Path) -> None:
    """Draw the recorded frame cell by cell with DejaVu Sans Mono (Pillow; no SVG renderer)."""
    from PIL import Image, ImageDraw, ImageFont
    from rich.cells import cell_len

    mono = ImageFont.truetype(str(FONTS / "DejaVuSansMono.ttf"), 16)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSansMono-Bold.ttf"), 16)
    symbols = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 15)
    cell_w, cell_h = 10, 20
    rows = console.export_text(clear=False).count("\n") + 1
    image = Image.new("RGB", (console.width * cell_w + 32, rows * cell_h + 32), BACKGROUND)
    draw = ImageDraw.Draw(image)
    x = y = 0
    for segment in console._record_buffer:  # rich keeps no public list of styled segments
        style = segment.style
        color = FOREGROUND
        if style is not None and style.color is not None:
            color = style.color.get_truecolor().hex
        reverse = style is not None and style.reverse
        font = bold if style is not None and style.bold else mono
        for char in segment.text:
            if char == "\n":
                x, y = 0, y + 1
                continue
            width = cell_len(char)
            left, top = 16 + x * cell_w, 16 + y * cell_h
            if reverse:
                draw.rectangle([left, top, left + width * cell_w, top + cell_h], fill=color)
            if char in SHADES:  # solid cells read better than the font's dithering
                box = [left, top + 2, left + cell_w - 1, top + cell_h - 2]
                draw.rectangle(box, fill=_blend(color, SHADES[char]))
            else:
                face = symbols if width == 2 else font
                draw.text((left, top), char, font=face, fill=BACKGROUND if reverse else color)
            x += width
    image.save(path)


def _blend(color: str, alpha: float) -> tuple[int, ...]:
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    bg = [int(BACKGROUND[i : i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(b + (c - b) * alpha) for c, b in zip(rgb, bg, strict=True))


if __name__ == "__main__":
    main()
