"""How `llmbreaker train` shows a run: a rich live display, or one JSON document."""

from __future__ import annotations

import json
import math

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from llmbreaker.progress import CheckpointResult


class RichReport:
    """A progress bar, a line per evaluation with its sample, and a summary table."""

    def __init__(self, trainer, label: str, preset: str) -> None:
        self.trainer = trainer
        self.console = Console(highlight=False)
        self.label, self.preset = label, preset
        self.first: CheckpointResult | None = None
        self.last: CheckpointResult | None = None
        self.progress = Progress(
            TextColumn("[bold blue]training"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("loss {task.fields[loss]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=False,
        )
        self.task = self.progress.add_task("train", total=trainer.train_cfg.max_iters, loss="-")

    def __enter__(self):
        t = self.trainer
        self.console.print(
            f"[bold]{self.label}[/]: {len(t.train_data) + len(t.val_data):,} characters, "
            f"vocabulary {len(t.vocab)}; preset [cyan]{self.preset}[/], "
            f"{t.model.num_params():,} parameters, {t.train_cfg.max_iters} steps"
        )
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def step(self, result) -> None:
        self.progress.update(self.task, completed=result.step, loss=f"{result.loss:.3f}")

    def checkpoint(self, c) -> None:
        self.first = self.first or c
        self.last = c
        self.progress.update(self.task, completed=c.step)
        sample = Text(" " + c.sample.replace("\n", " / ")[:90], style="italic")
        self.progress.console.print(
            Text.assemble(
                (f"step {c.step:>5}", "bold"),
                f"  train {c.train_loss:.3f}",
                f"  val {c.val_loss:.3f}",
                ("  |", "dim"),
                sample,
            )
        )

    def summary(self) -> None:
        first, last = self.first, self.last
        if first is None or last is None:  # run() always opens with a checkpoint
            return
        table = Table(title="Summary", show_header=False, title_justify="left")
        table.add_row("steps", f"{last.step:,}")
        table.add_row("wall time", f"{last.elapsed:.1f} s")
        table.add_row("val loss", f"{first.val_loss:.3f} -> {last.val_loss:.3f}")
        table.add_row("perplexity", f"{math.exp(last.val_loss):.2f}")
        table.add_row(f"sample at step {first.step}", first.sample)
        table.add_row(f"sample at step {last.step}", last.sample)
        self.console.print(table)


class JsonReport:
    """Collects every evaluation and prints one JSON document at the end."""

    def __init__(self, trainer, label: str, preset: str) -> None:
        self.trainer = trainer
        self.doc = {
            "corpus": label,
            "preset": preset,
            "parameters": trainer.model.num_params(),
            "max_iters": trainer.train_cfg.max_iters,
            "checkpoints": [],
        }
        self.last = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def step(self, result) -> None:
        pass

    def checkpoint(self, c) -> None:
        self.last = c
        self.doc["checkpoints"].append(
            {
                "step": c.step,
                "train_loss": round(c.train_loss, 4),
                "val_loss": round(c.val_loss, 4),
                "elapsed": round(c.elapsed, 3),
                "sample": c.sample,
            }
        )

    def finish(self) -> dict:
        """The document, its final losses filled in."""
        last = self.doc["checkpoints"][-1]
        self.doc["final"] = {k: last[k] for k in ("step", "train_loss", "val_loss", "elapsed")}
        return self.doc

    def summary(self) -> None:
        print(json.dumps(self.finish(), indent=2))


def print_break_summary(as_json: bool, switches, ghost, broken, caption: list[str]) -> None:
    """Both final losses side by side and the caption: one table, or one JSON document."""
    if as_json:
        doc = {
            "break": list(switches),
            "ghost": ghost.finish(),
            "broken": broken.finish(),
            "caption": caption,
        }
        print(json.dumps(doc, indent=2))
        return
    console = broken.console
    table = Table(title="Broken against the ghost", title_justify="left")
    for column in ("", "val loss", "train loss", "perplexity", "wall time"):
        table.add_column(column, justify="left" if not column else "right")
    for name, report in (("ghost (working)", ghost), ("broken", broken)):
        c = report.last
        table.add_row(
            name,
            f"{c.val_loss:.3f}",
            f"{c.train_loss:.3f}",
            f"{math.exp(c.val_loss):.2f}",
            f"{c.elapsed:.1f} s",
        )
    console.print(table)
    for line in caption:
        console.print(line)
