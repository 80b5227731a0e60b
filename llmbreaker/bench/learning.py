"""Learning speed: validation loss against wall-clock seconds, time to reach each target."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from llmbreaker.bench.recipes import Recipe

TARGETS = (2.2, 2.0, 1.9, 1.75, 1.6)
# Counted probes take about a twentieth of a run's clock: the next one waits at least
# PROBE_SPACING times the cheapest probe so far (quick's ~0.05 s keeps the 1 s spacing, long's
# ~0.1 s goes to ~2 s: at 1 s its probes took 9 % of its minute) ...
PROBE_SPACING = 19.0
# ... except when a target is due: the line through the last two probes says when the curve
# will reach the next target, and the next probe goes just past that moment, though not
# sooner than NEAR_SPACING probes' worth (a quarter of the clock) nor MIN_GAP seconds.
NEAR_SPACING = 3.0
MIN_GAP = 0.2


def next_gap(points: list[tuple[float, int, float]], base: float, floor: float) -> float:
    """Seconds of training before the next probe: base, or less when the line through the last
    two (seconds, step, val) points reaches the next target sooner (then at least floor).

    With only the first point (after one step) behind the newest, the line is steep and says
    a target is due sooner than it is: one early probe, which costs a probe's time. Leaving
    that line out cost more: quick read 2.027 at 1.8 s, two hundredths above 2.0, and was not
    probed again until 3.1 s (seventh round, two runs of three), 1 s late on a 2 s crossing.
    """
    if len(points) < 2:
        return base
    (t0, _, v0), (t1, _, v1) = points[-2], points[-1]
    fall = (v0 - v1) / max(t1 - t0, 1e-9)  # loss per second
    below = [t for t in TARGETS if t < v1]
    if fall <= 0 or not below:
        return base
    due = (v1 - max(below)) / fall
    return min(base, max(floor, 1.05 * due))


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
    s (less often when a probe is dear, more often when a target is due: next_gap).

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
    base, floor = eval_every, MIN_GAP
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
                base = max(eval_every, PROBE_SPACING * cheapest)
                floor = max(MIN_GAP, NEAR_SPACING * cheapest)
            curve.points.append((last_eval - start - uncounted, trainer.step, val))
            gap = next_gap(curve.points, base, floor)
        if time.perf_counter() - start - uncounted >= budget:
            break
    curve.steps_per_s = trainer.step / (time.perf_counter() - start - uncounted)
    return curve
