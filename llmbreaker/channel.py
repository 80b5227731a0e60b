"""Pickled messages over OS pipes, one length-prefixed frame each; the UI's end never blocks.

A worker that is stopped (SIGSTOP) or killed half-way through a message leaves a partial
frame in the pipe. The UI reads whatever bytes are there without waiting and only ever
unpickles whole frames, so a partial frame stalls nothing. The worker's end blocks as usual:
its writes happen on a thread of their own, which also sends a heartbeat when it is quiet.
"""

from __future__ import annotations

import collections
import os
import pickle
import queue
import select
import struct
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

HEADER = struct.Struct("!Q")  # payload length in bytes
READ_CHUNK = 1 << 16  # the default pipe size on Linux
READ_LIMIT = 8 << 20  # bytes one pump may read, so one chatty worker cannot hog a frame


class UIGone(EOFError):
    """The UI closed its end of the command pipe: it quit or was killed."""


def encode(message: object) -> bytes:
    """One frame: the payload's length, then the pickled message."""
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(payload)) + payload


class FrameSplitter:
    """Bytes in, whole payloads out; a partial frame waits for the rest of its bytes."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        payloads = []
        start = 0
        while len(self._buffer) - start >= HEADER.size:
            (size,) = HEADER.unpack_from(self._buffer, start)
            end = start + HEADER.size + size
            if end > len(self._buffer):
                break
            payloads.append(bytes(self._buffer[start + HEADER.size : end]))
            start = end
        del self._buffer[:start]
        return payloads

    @property
    def partial(self) -> int:
        """Bytes of a frame still incomplete."""
        return len(self._buffer)


class UILink:
    """The UI's end of one worker: commands out, events in, both without ever blocking."""

    def __init__(self, events_in: Connection, commands_out: Connection) -> None:
        self._connections = (events_in, commands_out)
        self._in, self._out = events_in.fileno(), commands_out.fileno()
        os.set_blocking(self._in, False)
        os.set_blocking(self._out, False)
        self._splitter = FrameSplitter()
        self._payloads: collections.deque[bytes] = collections.deque()
        self._outbox = bytearray()
        self.eof = False  # the worker's end is closed: it exited or was killed
        self.last_heard = time.monotonic()  # when the newest whole frame arrived
        self.frames_heard = 0
        self.closed = False

    # ------------------------------------------------------------------ out

    def send(self, message: object) -> None:
        """Queue a message; what the pipe cannot take now goes with a later flush()."""
        if not self.closed:
            self._outbox += encode(message)
            self.flush()

    def flush(self, budget: float = 0.0) -> None:
        """Write queued bytes; wait up to `budget` seconds for room in the pipe."""
        deadline = time.monotonic() + budget
        while self._outbox and not self.closed:
            try:
                written = os.write(self._out, self._outbox)
            except BlockingIOError:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([], [self._out], [], left)[1]:
                    return
                continue
            except OSError:  # the worker is gone; what it did not read does not matter
                self._outbox.clear()
                return
            del self._outbox[:written]

    # ------------------------------------------------------------------ in

    def pump(self) -> None:
        """Read every byte waiting (up to READ_LIMIT) and keep the whole frames."""
        total = 0
        while not self.eof and not self.closed and total < READ_LIMIT:
            try:
                data = os.read(self._in, READ_CHUNK)
            except BlockingIOError:
                break
            except OSError:
                data = b""
            if not data:
                self.eof = True
                break
            total += len(data)
            payloads = self._splitter.feed(data)
            if payloads:
                self._payloads.extend(payloads)
                self.frames_heard += len(payloads)
                self.last_heard = time.monotonic()
        self.flush()

    def wait(self, timeout: float) -> None:
        """Block up to timeout for bytes (tests and the command line; never the UI)."""
        if not self._payloads and not self.eof and not self.closed:
            select.select([self._in], [], [], timeout)
        self.pump()

    @property
    def has_message(self) -> bool:
        return bool(self._payloads)

    def take(self) -> object:
        """The oldest whole message (check has_message first)."""
        return pickle.loads(self._payloads.popleft())

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._payloads.clear()
            self._outbox.clear()
            for connection in self._connections:
                connection.close()


class CommandReader:
    """The worker's end of the command pipe, with the get/get_nowait of a queue."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._fd = connection.fileno()

    def get(self, timeout: float | None = None) -> object:
        """The next command; queue.Empty after timeout; UIGone once the UI is gone."""
        if not select.select([self._fd], [], [], timeout)[0]:
            raise queue.Empty
        (size,) = HEADER.unpack(self._read_exactly(HEADER.size))
        return pickle.loads(self._read_exactly(size))

    def get_nowait(self) -> object:
        return self.get(0)

    def _read_exactly(self, size: int) -> bytes:
        parts, left = [], size
        while left:
            data = os.read(self._fd, min(left, 1 << 20))
            if not data:
                raise UIGone("the UI closed the command pipe")
            parts.append(data)
            left -= len(data)
        return b"".join(parts)


class EventWriter:
    """The worker's end of the event pipe: put() never waits; a thread writes in order.

    When nothing has been sent for `period` seconds the thread sends heartbeat(), so the UI
    hears from a worker that is alive even while it imports torch or builds a model.
    """

    def __init__(self, connection: Connection, period: float) -> None:
        self._connection = connection
        self._period = period
        self._frames: queue.SimpleQueue[bytes] = queue.SimpleQueue()

    def start(self, heartbeat: Callable[[], object]) -> None:
        threading.Thread(
            target=self._write_forever, args=(heartbeat,), name="llmbreaker-events", daemon=True
        ).start()

    def put(self, message: object) -> None:
        self._frames.put(encode(message))  # pickled here, so a bad message fails loudly here

    def _write_forever(self, heartbeat: Callable[[], object]) -> None:
        fd = self._connection.fileno()
        self._frames.put(encode(heartbeat()))  # hello: the UI hears us at once
        while True:
            try:
                frame = self._frames.get(timeout=self._period)
            except queue.Empty:
                frame = encode(heartbeat())
            view = memoryview(frame)
            try:
                while view:
                    view = view[os.write(fd, view) :]
            except OSError:  # the UI is gone; the main loop finds out from the command pipe
                return
