"""A short robustness run: random keys from the key table across every scene while training.

The full run (10,000 keys, real frame rate, timings) is scripts/robustness.py; this one only
asserts what must never happen, not how fast it went.
"""

from game import random_keys
from game.tabs.placeholder import PlaceholderTab


def test_random_keys_never_raise_nor_kill_a_tab(make_pilot):
    pilot = make_pilot(max_iters=400, speed="2x")
    pilot.press("enter", frames=2)
    watch = next(tab for tab in pilot.app.dashboard.tabs if tab.id == "watch")

    def keep_training() -> None:
        if watch.state is None or watch.state.finished:
            watch.handle_action("replay")

    report = random_keys.run(pilot, 400, seed=7, keep_training=keep_training)
    assert report.keys == 400
    assert report.exceptions == [] and report.placeholders == []
    assert pilot.app.running
    assert not any(isinstance(tab, PlaceholderTab) for tab in pilot.app.dashboard.tabs)


def test_the_pool_covers_every_tab_and_never_quits(pilot):
    pool = random_keys.key_pool(pilot.app)
    tab_keys = {tab.key for tab in pilot.app.dashboard.tabs}
    assert tab_keys <= set(pool) and "ctrl+q" not in pool
    bound = {k for tab in pilot.app.dashboard.tabs for b in tab.bindings for k in b.keys}
    assert bound - {"ctrl+q"} <= set(pool)


def test_garbage_collections_are_timed():
    import gc

    timer = random_keys._CollectionTimer()
    gc.callbacks.append(timer)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(timer)
    assert timer.longest > 0
