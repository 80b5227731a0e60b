"""Learning speed: validation loss against wall-clock seconds, time to reach each target."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from llmbreaker.bench.recipes import Recipe

TARGETS = (2.2, 2.0, 1.9, 1.75, 1.6)
# Counted probes take at most about a tenth of a run's clock: after a probe of p seconds the
# next waits at least PROBE_SPACING * p. `quick`'s probe (~45 ms) keeps the 1 s spacing; `long`'s
# 16K tokens at context 64 (~0.2 s) would otherwise eat a fifth of its minute.
PROBE_SPACING = 9.0


@dataclass
class Curve:
    """One recipe's run: (seconds, step, val loss) points and when each target fell."""

    name: str
    params: int
    points: list[tuple[float, int, float]] = field(default_factory=list)
    steps_per_s: float = 0.0
    probe_seconds: float = 0.0  # time spent in the bench's loss probes, counted or not
    counted_probes: bool = True

    def seconds_to(self, target: float) -> float | None:
        for seconds, _, val in self.points:
            if val <= target:
                return seconds
        return None

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "params": self.params,
            "steps_per_s": round(self.steps_per_s, 2),
            "points": [[round(s, 3), step, round(v, 4)] for s, step, v in self.points],
            "seconds_to": {str(t): self.seconds_to(t) for t in TARGETS},
            "probe_seconds": round(self.probe_seconds, 2),
            "probes_counted": self.counted_probes,
        }


def race(recipe: Recipe, text: str, budget: float, threads: int, eval_every: float = 1.0) -> Curve:
    """Train recipe on text for at most budget seconds, probing val loss about every eval_every
    s (less often when a probe is dear: PROBE_SPACING).

    The clock starts at the first step. For the exhibit's presets it includes the probes, as
    a visitor waits for the exhibit's evaluations. A recipe with its own evaluation schedule
    (nanoGPT's) runs that schedule inside the clock instead, and the bench's probes, which it
    would not have run, are taken out of its clock.
    """
    from llmbreaker.trainer import Trainer

    train = replace(recipe.train, threads=threads)
    trainer = Trainer(recipe.model, train, text)
    curve = Curve(recipe.name, trainer.model.num_params(), counted_probes=not recipe.own_evals)
    start = time.perf_counter()
    uncounted = 0.0
    last_eval, gap, cheapest = start, eval_every, float("inf")
    while not trainer.done:
        trainer.train_step()
        if recipe.own_evals and trainer.step % train.eval_interval == 0:
            trainer.evaluate()  # nanoGPT's estimate_loss: both splits, counted
        now = time.perf_counter()
        due = now - last_eval >= gap or trainer.step == train.max_iters
        if due or trainer.step == 1:
            val = trainer.split_loss("val")
            last_eval = time.perf_counter()
            curve.probe_seconds += last_eval - now
            if recipe.own_evals:  # free probes: as often as asked
                uncounted += last_eval - now
            else:  # the cheapest probe so far: the first one pays for warming up
                cheapest = min(cheapest, last_eval - now)
                gap = max(eval_every, PROBE_SPACING * cheapest)
            curve.points.append((last_eval - start - uncounted, trainer.step, val))
        if time.perf_counter() - start - uncounted >= budget:
            break
    curve.steps_per_s = trainer.step / (time.perf_counter() - start - uncounted)
    return curve
