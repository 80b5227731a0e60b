"""Space, S and the speed keys work on every tab, for the session that tab shows."""

from game_helpers import watch_state


def status_of(pilot, sid):
    return pilot.app.sessions.get(sid).state.status


def test_attention_tab_pauses_steps_and_speeds_the_session_it_follows(make_pilot):
    pilot = make_pilot(speed="1x", max_iters=2000)
    pilot.press("enter", frames=2)
    pilot.press("space")  # Watch It Learn starts training; the cinema follows it
    assert pilot.until(lambda: watch_state(pilot) and watch_state(pilot).step > 1, 90)
    pilot.press("2")
    assert pilot.tab.id == "attention"
    assert pilot.until(lambda: pilot.tab.followed() is pilot.app.sessions.get("watch"), 10)
    pilot.press("f6")
    assert pilot.until(lambda: watch_state(pilot).speed == "2x", 20)
    pilot.press("space")
    assert pilot.until(lambda: status_of(pilot, "watch") == "paused", 20)
    paused_at = watch_state(pilot).step
    pilot.press("s")
    assert pilot.until(lambda: watch_state(pilot).step == paused_at + 1, 20)
    pilot.press("space")
    assert pilot.until(lambda: status_of(pilot, "watch") == "running", 20)
    assert pilot.app.sessions.get("attention") is None  # it drove Watch's session, not its own


def test_style_tab_pauses_and_speeds_its_own_session(make_pilot):
    pilot = make_pilot()
    pilot.press("enter", frames=2)
    pilot.press("3")
    tab = pilot.tab
    pilot.press("l")  # an example text
    pilot.press("ctrl+return")
    assert tab.followed() is not None
    assert pilot.until(lambda: status_of(pilot, "style") == "running", 90)
    # Paused first: the tuning stops early after some 30-60 steps, and at 5x on a loaded
    # machine (load 4) it once finished before a later Space could pause it.
    pilot.press("space")
    assert pilot.until(lambda: status_of(pilot, "style") == "paused", 20)
    pilot.press("f7")
    assert pilot.until(lambda: tab.followed().state.speed == "5x", 20)
    assert status_of(pilot, "style") == "paused"
    paused_at = tab.followed().state.step
    pilot.press("space")  # resumed: it trains on (and may stop early before a frame sees it)
    assert pilot.until(
        lambda: (
            status_of(pilot, "style") not in ("paused", "error")
            and tab.followed().state.step > paused_at
        ),
        20,
    )


def test_step_while_running_explains_instead_of_doing_nothing(make_pilot):
    pilot = make_pilot(speed="1x", max_iters=2000)
    pilot.press("enter", frames=2)
    pilot.press("space")
    assert pilot.until(lambda: watch_state(pilot) and watch_state(pilot).status == "running", 90)
    pilot.press("4")
    pilot.press("s")
    assert any("paused" in text for text in pilot.app.toasts.messages)
    assert status_of(pilot, "watch") == "running"
