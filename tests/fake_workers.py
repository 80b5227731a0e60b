"""Light stand-ins for the training worker: they speak the protocol without torch."""

import os
import queue
import signal

from llmbreaker import messages as m
from llmbreaker.channel import HEADER, CommandReader, EventWriter, UIGone

STARTED = m.Started(
    n_params=0,
    vocab="ab",
    probe="ab",
    prompt="a",
    max_iters=10,
    n_layer=1,
    n_head=1,
    corpus_chars=2,
)


def echo_worker(commands, events) -> None:
    """Says Started to every Start and exits on Shutdown or when the UI is gone."""
    reader, writer = CommandReader(commands), EventWriter(events, 0.5)
    writer.start(lambda: m.Heartbeat(0))
    while True:
        try:
            command = reader.get(0.5)
        except queue.Empty:
            continue
        except UIGone:
            return
        if isinstance(command, m.Start):
            writer.put(STARTED)
        elif isinstance(command, m.Shutdown):
            return


def half_a_message_then(sig: int):
    """A worker that says Started, writes half of a 200 KB message, then sends itself sig."""

    def worker(commands, events) -> None:
        reader = CommandReader(commands)
        reader.get()  # Start
        fd = events.fileno()
        _write(fd, _frame(STARTED))
        frame = _frame(b"x" * 200_000)
        _write(fd, frame[: len(frame) // 2])
        os.kill(os.getpid(), sig)
        reader.get()  # only reached after SIGCONT; the test never sends it

    return worker


def _frame(message) -> bytes:
    from llmbreaker.channel import encode

    data = encode(message)
    assert HEADER.unpack_from(data)[0] == len(data) - HEADER.size
    return data


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def stopping_worker(commands, events) -> None:
    half_a_message_then(signal.SIGSTOP)(commands, events)


def dying_worker(commands, events) -> None:
    half_a_message_then(signal.SIGKILL)(commands, events)
