"""The one place that creates the OpenGL context: a standalone (EGL first) moderngl context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

REQUIRED_GL = 330


@dataclass
class GLContext:
    """A moderngl context, or None and the reason it could not be made."""

    ctx: object | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.ctx is not None


_shared: GLContext | None = None


def create_context() -> GLContext:
    """Try a standalone EGL context, then the platform default; never raises."""
    try:
        import moderngl
    except ImportError as error:  # pragma: no cover - moderngl is a dependency
        return GLContext(None, f"moderngl is not installed ({error})")
    reasons = []
    attempts: tuple[dict[str, Any], ...] = ({"backend": "egl"}, {})
    for kwargs in attempts:
        try:
            ctx = moderngl.create_standalone_context(require=REQUIRED_GL, **kwargs)
        except Exception as error:  # moderngl raises plain Exception for missing drivers
            reasons.append(f"{kwargs.get('backend', 'default')}: {str(error).splitlines()[0]}")
            continue
        return GLContext(ctx)
    return GLContext(None, "no OpenGL 3.3 context (" + "; ".join(reasons) + ")")


def shared_context() -> GLContext:
    """The 3D view's context, made on first use by its render thread (game.gl.render_thread),
    the only thread that may use it; a failure is remembered, not retried."""
    global _shared
    if _shared is None:
        _shared = create_context()
    return _shared
