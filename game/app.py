"""The one loop owner: window, key dispatch, session pumping, scenes, overlays, 30 FPS."""

from __future__ import annotations

import collections
import logging
import os
import sys
import time

import pygame

from game.attract import Attract
from game.background import Background
from game.exports import Exports
from game.keys import GLOBAL, GLOBAL_BINDINGS, HELP, SESSION_BINDINGS, KeyMap, event_key
from game.kiosk import QuitChord
from game.scenes.base import Scene
from game.scenes.dashboard import DashboardScene
from game.scenes.landing import LandingScene
from game.sessions import Sessions
from game.tabs import tab_bindings
from game.tabs.base import AppContext
from game.theme import Theme
from game.widgets.busy_badge import BusyBadge
from game.widgets.help_overlay import HelpOverlay
from game.widgets.toast import Toasts
from game.window_mode import WindowMode
from llmbreaker import messages as m
from llmbreaker.exhibit_config import KIOSK_LOCKABLE, RunOptions

FPS = 30
POLL_BUDGET = 0.004  # seconds per frame spent draining worker events
# The key-table row that restarts a crashed session, by the tab that owns it (else Space).

log = logging.getLogger(__name__)

GIL_SWITCH_INTERVAL = 0.0005  # seconds a busy thread may hold the GIL while the frame waits


class App:
    """Create with a size, then `run()`; a test pilot calls `frame(dt)` itself instead."""

    def __init__(
        self,
        size=(1280, 720),
        fullscreen=False,
        clock=None,
        manager=None,
        datasets=None,
        training=None,
        kiosk=False,
        remap=None,
        idle_timeout=0.0,
        prewarm=False,
        idle_workers=False,
        exports_dir=None,
        exhibit: RunOptions | None = None,
    ) -> None:
        """`exhibit` brings the rest of the run options: tour, quit chord, kiosk keys, folders."""
        exhibit = exhibit or RunOptions()
        self.launched = clock() if clock else time.perf_counter()
        self.clock = clock or time.perf_counter
        # SDL presents the window through an OpenGL renderer by default; with no GPU (Xvfb,
        # many kiosk PCs) that is Mesa's software GL: 7.2 ms of CPU per 1280x720 flip,
        # against 0.02 ms for the plain X11 shared-memory path this selects (measured).
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        # The frame loop shares the GIL with the 3D view's thread and the export thread, and
        # pygame drops the GIL around blits and fills: each time it does, a busy thread can keep
        # it for the whole switch interval (5 ms by default), and a frame of a hundred blits
        # stretches by tens of milliseconds. A shorter interval bounds each wait.
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("LLMBreaker")
        self.kiosk = kiosk
        self.window = WindowMode(size, fullscreen)
        self.screen = self.window.open()
        if kiosk:
            pygame.mouse.set_visible(False)
        self.theme = Theme(self.screen.get_size())
        if manager is None:
            from llmbreaker.session_manager import SessionManager  # torch-free

            # idle_workers: the workers run under SCHED_IDLE, so a frame never waits behind a
            # training step (llmbreaker.worker_process.run_idle measures the gain and the cost).
            manager = SessionManager(keep_warm=prewarm, idle_workers=idle_workers)
        self.sessions = Sessions(manager)
        self.toasts = Toasts(self.theme)
        self.background = Background()
        folder = exports_dir or exhibit.exports  # None: paths.exports_dir()
        self.exports = Exports(folder, self.toasts.push, self.background)
        self.busy = BusyBadge(self.theme)
        # Kiosk: these keys are not in the table at all, so nothing can run them or list them.
        self.locked = {"quit", *KIOSK_LOCKABLE} - set(exhibit.kiosk_allow) if kiosk else set()
        self.chord = QuitChord(exhibit.quit_chord, exhibit.quit_hold) if kiosk else None
        table = [*GLOBAL_BINDINGS, *SESSION_BINDINGS, *tab_bindings()]
        self.keymap = KeyMap(self._unlocked(table), remap)
        self.ctx = AppContext(
            self.theme,
            self.sessions,
            self.toasts.push,
            datasets,
            training or {},
            self.background,
            self.exports,
            self.keymap,
        )
        self.help = HelpOverlay(self.theme, self.keymap, {})
        self.scenes: dict[str, Scene] = {"landing": LandingScene(self.ctx)}
        self.scene: Scene = self.scenes["landing"]
        self.scene.enter()
        self.running = True
        self.pending: list[pygame.event.Event] = []
        self.frame_times: collections.deque[float] = collections.deque(maxlen=900)
        self.first_frame_seconds: float | None = None
        self.idle_timeout = (
            idle_timeout  # seconds without a key before the attract screen; 0: never
        )
        self.last_key = self.clock()  # the idle clock starts at launch
        self.attract = Attract(self, exhibit.tour, exhibit.tour_corpus, exhibit.tour_speed)

    # ------------------------------------------------------------------ window

    @property
    def fullscreen(self) -> bool:
        return self.window.fullscreen

    def toggle_fullscreen(self) -> None:
        self.window.toggle()  # the frame loop makes the switch, one step per frame

    def _follow_window(self, surface: pygame.Surface) -> None:
        self.screen = surface
        if surface.get_size() != self.theme.size:
            self.theme.resize(surface.get_size())

    # ------------------------------------------------------------------ scenes

    @property
    def dashboard(self) -> DashboardScene:
        """Built on first use, so the landing's first frame is not kept waiting."""
        built = self.scenes.get("dashboard")
        if isinstance(built, DashboardScene):
            return built
        dashboard = DashboardScene(self.ctx)
        self.scenes["dashboard"] = dashboard
        dashboard.header.show_fps = not self.kiosk
        for tab in dashboard.tabs:
            self.keymap.add(self._unlocked([b for b in tab.bindings if b.scope == tab.id]))
            tab.bindings = [b for b in self.keymap.bindings if b.scope == tab.id]
        self.help.scope_titles.update({tab.id: f"{tab.key}  {tab.title}" for tab in dashboard.tabs})
        return dashboard

    def _unlocked(self, bindings) -> list:
        return [b for b in bindings if b.id not in self.locked]

    def switch(self, name: str) -> None:
        target = self.dashboard if name == "dashboard" else self.scenes[name]
        self.scene.exit()
        self.scene = target
        self.scene.enter()

    # ------------------------------------------------------------------ events

    def inject(self, event: pygame.event.Event) -> None:
        """Queue a synthetic event for the next frame (the test pilot's keyboard)."""
        self.pending.append(event)

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.chord and self.chord.handle_event(event, self.clock()):
            return
        if event.type == pygame.QUIT:  # the window manager's close (Alt+F4, the x button)
            self.running = self.running and self.kiosk  # a signal's quit is never undone
        elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.screen = pygame.display.get_surface() or self.screen
            self.theme.resize(self.screen.get_size())
        elif event.type == pygame.DROPFILE:
            if "drop" in self.locked:
                return
            if self.scene.name != "dashboard":
                self.switch("dashboard")
            self.scene.handle_event(event)
        elif event.type == pygame.KEYDOWN:
            self.last_key = self.clock()
            if self.attract.touring:  # the key ends the tour, then acts on a fresh dashboard
                self.attract.end()
                self.switch("dashboard")
            self.handle_key(event)
        else:
            self.scene.handle_event(event)

    def handle_key(self, event: pygame.event.Event) -> None:
        key = event_key(event)
        if self.help.visible:
            found = self.keymap.action_for(key, [HELP, GLOBAL])
            action = found[1] if found else None
            if action in ("help", "back"):
                self.help.close()
            elif action in ("help_next", "help_previous"):
                self.help.turn(1 if action == "help_next" else -1)
            return
        if self.scene.handle_event(event):  # e.g. a text field that takes typing
            return
        found = self.keymap.action_for(key, [*self.scene.scopes(), GLOBAL])
        if found is None:
            return
        scope, action = found
        if scope != GLOBAL or not self.global_action(action):
            self.scene.handle_action(action)

    def global_action(self, action: str) -> bool:
        """Run an app-wide action; False lets the scene have it (e.g. back)."""
        if action == "help":  # the keys of this screen, then the global ones
            self.help.open([*self.scene.scopes(), GLOBAL])
        elif action == "fullscreen":
            self.toggle_fullscreen()
        elif action == "screenshot":
            self.screenshot()
        elif action == "quit":
            self.running = self.running and self.kiosk  # a signal's quit is never undone
        else:
            return False
        return True

    @property
    def idle(self) -> float:
        """Seconds since the last key, by the clock: slow frames must not stretch the timeout."""
        return self.clock() - self.last_key

    def reset_visitor(self) -> list[str]:
        """Stop every session (workers released) and wipe what a visitor typed, chose or loaded.

        Ends on the landing. Returns the ids of the sessions stopped.
        """
        self.help.visible = False
        stopped = self.sessions.stop_all()
        dashboard = self.scenes.get("dashboard")
        if isinstance(dashboard, DashboardScene):
            dashboard.reset()
        self.toasts.items.clear()
        self.switch("landing")
        return stopped

    def screenshot(self) -> None:
        """The last frame as a PNG in the exports folder (written off the frame loop)."""
        self.exports.save_surface(self.screen, "llmbreaker", "Saving a screenshot")

    # ------------------------------------------------------------------ frame

    def frame(self, dt: float = 1 / FPS) -> None:
        """One frame: events, sessions, update, draw, flip."""
        started = time.perf_counter()
        events, self.pending = pygame.event.get() + self.pending, []
        for event in events:
            self.handle_event(event)
        if self.window.switching:  # F11's next step, one per frame
            self._follow_window(self.window.step())
        for sid, message in self.sessions.pump(POLL_BUDGET):
            if isinstance(message, m.Error):
                self.toasts.push(self.error_text(sid, message), "error")
        if self.chord and self.chord.update(self.clock()):
            log.info("quit chord held for %.1f s: quitting", self.chord.hold)
            self.running = False
        self.attract.update(dt)
        self.background.update()
        self.scene.update(dt)
        self.toasts.update(dt)
        self.scene.draw(self.screen)
        self.attract.draw(self.screen)
        self.help.draw(self.screen, self.screen.get_rect())
        self.busy.draw(self.screen, self.screen.get_rect(), self.busy_items())
        self.toasts.draw(self.screen, self.screen.get_rect())
        if self.chord:
            self.chord.draw(self.screen, self.theme)
        pygame.display.flip()
        if self.first_frame_seconds is None:
            self.first_frame_seconds = self.clock() - self.launched
            if getattr(self.sessions.manager, "keep_warm", False):
                # On a thread, and torch loads in it while the visitor reads the logo.
                self.sessions.manager.prewarm(background=True)
        self.frame_times.append(time.perf_counter() - started)
        if self.scene.next_scene:
            self.switch(self.scene.next_scene)

    def error_text(self, sid: str, error: m.Error) -> str:
        """The engine's message, with the key that restarts the session (from the key table)."""
        session = self.sessions.get(sid)
        label = session.state.label if session else sid
        text = f"{label}: {error.message}"
        if error.fatal:
            key = self.keymap.label(self._restart_binding(sid), first=True)
            text += f" Press {key} to restart."
        return text

    def _restart_binding(self, sid: str) -> str:
        dashboard = self.scenes.get("dashboard")
        for tab in getattr(dashboard, "tabs", []):
            if sid in tab.restart_bindings:
                return tab.restart_bindings[sid]
        return "play_pause"

    def busy_items(self) -> list[tuple[str, float | None]]:
        return [(job.label + "…", job.progress) for job in self.background.jobs]

    def run(self, max_frames: int | None = None) -> None:
        ticker = pygame.time.Clock()
        frames = 0
        try:
            while self.running and (max_frames is None or frames < max_frames):
                dt = ticker.tick(self.scene.fps) / 1000
                self.frame(min(dt, 0.1))
                frames += 1
        finally:
            self.close()

    def close(self) -> None:
        for scene in self.scenes.values():
            scene.close()  # e.g. a build a tab started
        self.background.close()
        self.sessions.close()
        pygame.quit()
