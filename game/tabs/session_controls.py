"""Space, S and the speed keys, the same on every tab, for the session the tab shows."""

from __future__ import annotations

from llmbreaker import messages as m


def play_pause(tab) -> None:
    """Start when nothing runs (or it finished), else pause or resume."""
    session = tab.followed()
    state = session.state if session else None
    if state is None or state.finished:
        tab.start_training()
    elif state.status == "paused":
        tab.ctx.sessions.send(session.sid, m.Resume())
    elif state.status == "starting":  # a second press while it loads must not freeze step 0
        tab.ctx.toast("Starting: the first step is a moment away", "info")
    else:
        tab.ctx.sessions.send(session.sid, m.Pause())


def step(tab) -> None:
    """One optimiser step of a paused session; otherwise say how to get there."""
    session = tab.followed()
    if session is not None and session.state.status == "paused":
        tab.ctx.sessions.send(session.sid, m.Step())
    elif session is not None and not session.state.finished:
        pause = tab.ctx.keys.label("play_pause")
        tab.ctx.toast(f"Steps work while training is paused: press {pause} first", "info")


def set_speed(tab, speed: str) -> None:
    """The followed session's speed, and the one the tab's next session starts at."""
    tab.speed = speed
    session = tab.followed()
    if session is not None and not session.state.finished:
        tab.ctx.sessions.send(session.sid, m.SetSpeed(speed))
