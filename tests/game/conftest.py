"""Headless pygame for every exhibit test, and a pilot fixture driving a real App."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

from game.app import App  # noqa: E402
from game.pilot import FakeClock, Pilot  # noqa: E402
from llmbreaker.datasets import list_datasets  # noqa: E402

SIZE = (1280, 720)
# Tiny runs: the seed model, a few dozen steps, a checkpoint every 10.
TRAINING = {"preset": "seed", "max_iters": 40, "eval_interval": 10, "speed": "max"}


def exhibit_datasets():
    """Children's Stories when prepared (CI prepares it), and the built-in corpus always."""
    infos = [i for i in list_datasets() if i.name in ("childrens_stories", "tiny")]
    return sorted(infos, key=lambda i: not i.prepared)


@pytest.fixture
def make_pilot(tmp_path):
    """make_pilot(**training) -> a Pilot on a fresh App; every app is closed afterwards."""
    apps = []

    def make(**training) -> Pilot:
        clock = FakeClock()
        app = App(
            size=SIZE,
            clock=clock,
            datasets=exhibit_datasets(),
            training={**TRAINING, **training},
            exports_dir=tmp_path / "exports",
        )
        apps.append(app)
        return Pilot(app, clock)

    yield make
    for app in apps:
        app.close()


@pytest.fixture
def pilot(make_pilot) -> Pilot:
    return make_pilot()
