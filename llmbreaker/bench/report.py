"""The bench's tables, printed with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table


def _s(value) -> str:
    return "-" if value is None else f"{value:.1f}"


def print_report(result: dict, console: Console | None = None) -> None:
    if console is None:
        console = Console()
        if not console.is_terminal:  # a log file or a pipe: do not squeeze the tables to 80
            console = Console(width=140)
    if "learning" in result:
        table = Table(
            title=f"1. Learning speed on {result['corpus']} "
            f"({result['threads']} threads, evals included)"
        )
        for col in (
            "recipe",
            "params",
            "steps/s",
            "s to 2.2",
            "s to 2.0",
            "s to 1.9",
            "s to 1.75",
            "s to 1.6",
            "best val",
            "x faster to 2.0",
        ):
            table.add_column(col, justify="right" if col != "recipe" else "left")
        for c in result["learning"]:
            to = c["seconds_to"]
            best = min(v for _, _, v in c["points"])
            table.add_row(
                c["name"],
                f"{c['params']:,}",
                f"{c['steps_per_s']:.1f}",
                _s(to["2.2"]),
                _s(to["2.0"]),
                _s(to["1.9"]),
                _s(to["1.75"]),
                _s(to.get("1.6")),
                f"{best:.3f}",
                _s(c["ratio_to_reference"]["2.0"]),
            )
        console.print(table)
    if "throughput" in result:
        t = result["throughput"]
        console.print(
            f"2. Worker throughput ({t['preset']}): worker {t['worker_steps_per_s']} "
            f"steps/s, bare loop {t['bare_steps_per_s']} steps/s, ratio {t['ratio']}"
        )
    if "ui" in result:
        ui = result["ui"]
        if "error" in ui:
            console.print(f"3. UI: {ui['error']}")
        else:
            table = Table(
                title=f"3. UI at {ui.get('size', '1920x1080')}, a session training "
                f"at max speed (first frame {ui.get('first_frame_s', '-')} s, Space to the first "
                f"checkpoint on screen {ui.get('space_to_first_checkpoint_s', '-')} s)"
            )
            for col in ("view", "p50 ms", "p95 ms", "p99 ms", "frames", "training steps/s"):
                table.add_column(col, justify="right" if col != "view" else "left")
            views = ui.get("frames", {})
            for view, f in views.items():
                table.add_row(
                    view,
                    str(f.get("p50")),
                    str(f.get("p95")),
                    str(f.get("p99")),
                    str(f.get("n")),
                    str(f.get("steps_per_s", "-")),
                )
            console.print(table)
            for view, f in views.items():
                if "first" in f:
                    first = f["first"]
                    console.print(
                        f"   {view}, its first {first['n']} frames alone (the earlier bench's "
                        f"length): p50 {first['p50']} ms, p95 {first['p95']} ms, "
                        f"p99 {first['p99']} ms"
                    )
            word = ui.get("space_to_first_real_word") or {}
            if "seconds" in word:
                console.print(
                    f"   Watch It Learn, Space to the first real word on screen: "
                    f"{word['seconds']} s ({word['caption']}); to the step-20 checkpoint: "
                    f"{ui.get('space_to_step_20_s', '-')} s"
                )
            elif word:
                console.print(f"   Watch It Learn, first real word: {word.get('error')}")
    if "latency_ms" in result:
        lat = result["latency_ms"]
        console.print(
            "4. Command to acknowledgement: "
            + ", ".join(f"{k} p50 {v.get('p50')} ms p95 {v.get('p95')} ms" for k, v in lat.items())
        )
    mem = []
    if "worker_memory_mb" in result:
        w = result["worker_memory_mb"]
        mem.append(f"worker {w['start']} -> {w['end']} MB over {w['seconds']:.0f} s")
    ui_mem = result.get("ui", {}).get("memory_mb")
    if ui_mem:
        mem.append(
            f"UI {ui_mem.get('start')} -> {ui_mem.get('after_views')} (every view built) -> "
            f"{ui_mem.get('end')} MB over "
            f"{ui_mem.get('seconds', 0):.0f} s of training and landing animation"
        )
    if mem:
        console.print("5. Memory (resident): " + "; ".join(mem))
    if "break" in result:
        b = result["break"]
        if "error" in b:
            console.print(f"6. Break It: {b['error']}")
        else:
            f, cpu = b["frames"], b.get("frames_cpu", {})
            console.print(
                f"6. Break It at {b['size']}, the broken model and its ghost training: frame "
                f"p50 {f.get('p50')} ms, p95 {f.get('p95')} ms, p99 {f.get('p99')} ms "
                f"({f.get('n')} frames; goal p99 <= 12 ms); CPU time of the UI thread per "
                f"frame p50 {cpu.get('p50')} ms, p99 {cpu.get('p99')} ms"
            )
            if "space_to_verdict_live_ghost_s" in b:
                c = b.get("frames_cached_ghost", {})
                console.print(
                    f"   Space to the caption: {b['space_to_verdict_live_ghost_s']} s with the "
                    f"ghost training beside it, {b['space_to_verdict_cached_ghost_s']} s with "
                    f"the ghost replayed from the cache (frame p99 then {c.get('p99')} ms)"
                )
