"""Learning speed: validation loss against wall-clock seconds, time to reach each target."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from llmbreaker.bench.recipes import Recipe

TARGETS = (2.2, 2.0, 1.9, 1.75, 1.6)


@dataclass
class Curve:
    """One recipe's run: (seconds, step, val loss) points and when each target fell."""

    name: str
    params: int
    points: list[tuple[float, int, float]] = field(default_factory=list)
    steps_per_s: float = 0.0

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
        }


def race(recipe: Recipe, text: str, budget: float, threads: int, eval_every: float = 1.0) -> Curve:
    """Train recipe on text for at most budget seconds, evaluating about every eval_every s.

    The clock starts at the first step and includes evaluation, as a visitor would see it.
    """
    from llmbreaker.trainer import Trainer

    train = replace(recipe.train, threads=threads)
    trainer = Trainer(recipe.model, train, text)
    curve = Curve(recipe.name, trainer.model.num_params())
    start = time.perf_counter()
    last_eval = start
    while not trainer.done:
        trainer.train_step()
        now = time.perf_counter()
        due = now - last_eval >= eval_every or trainer.step == train.max_iters
        if due or trainer.step == 1:
            val = trainer.split_loss("val")
            last_eval = time.perf_counter()
            curve.points.append((last_eval - start, trainer.step, val))
        if time.perf_counter() - start >= budget:
            break
    curve.steps_per_s = trainer.step / (time.perf_counter() - start)
    return curve
