"""An engine that runs as a child process: started, waited for until healthy, stopped; never orphaned.

Two guards keep a crashed `make dev` (kill -9, a closed terminal) from leaving an engine behind that
holds its port and its data folder: the child is asked to die with its parent (Linux PDEATHSIG), and an
engine with a kept data folder records its pid there, so the next start finds a leftover one by that
record and stops it, saying so.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import time
from pathlib import Path

from infra.local.ports import port_is_free

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with contextlib.suppress(OSError):  # not glibc: the pid record still catches a leftover engine
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class EngineError(RuntimeError):
    """The engine could not be started; the message says what to do."""


class ManagedProcess:
    """Subclasses give `name`, `port`, `command()` and `healthy()`; `pid_file` is set when data are kept."""

    name = "engine"
    port_option = "--port"  # the option of `make dev` that moves this engine to another port

    def __init__(self, port: int, log_path: Path | None = None, pid_file: Path | None = None) -> None:
        self.port = port
        self.log_path = log_path
        self.pid_file = pid_file
        self._process: subprocess.Popen[bytes] | None = None
        self.notes: list[str] = []  # what start() did besides starting (shown by make dev)

    def command(self) -> list[str]:
        raise NotImplementedError

    def healthy(self) -> bool:
        raise NotImplementedError

    def prepare(self) -> None:
        """Made before the process starts (data folders, configuration files)."""

    def environment(self) -> dict[str, str]:
        """The portal's environment variables that point it at this engine."""
        return {}

    # --- lifecycle ----------------------------------------------------------------------------------
    def start(self, timeout: float = 60.0) -> ManagedProcess:
        self._stop_leftover()
        if not port_is_free(self.port):
            raise EngineError(
                f"{self.name}: port {self.port} is taken by another program; choose another with {self.port_option}."
            )
        self.prepare()
        if self.log_path:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self._process = subprocess.Popen(  # noqa: S603 - a fixed command line of our own
            self.command(), stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent
        )
        if self.pid_file:
            self.pid_file.write_text(f"{self._process.pid}\n{self._cmdline_of(self._process.pid)}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                code = self._process.returncode
                self._process = None
                raise EngineError(f"{self.name} exited with code {code} (see {self.log_path})")
            if self.healthy():
                return self
            time.sleep(0.1)
        self.stop()
        raise EngineError(f"{self.name} did not answer on port {self.port} within {timeout:.0f}s (see {self.log_path})")

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        if self.pid_file:
            self.pid_file.unlink(missing_ok=True)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> ManagedProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- a leftover from a crashed run ----------------------------------------------------------------
    @staticmethod
    def _cmdline_of(pid: int) -> str:
        try:
            return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            return ""

    def _stop_leftover(self) -> None:
        if not self.pid_file or not self.pid_file.exists():
            return
        recorded = self.pid_file.read_text().split("\n", 1)
        self.pid_file.unlink(missing_ok=True)
        try:
            pid = int(recorded[0])
        except ValueError:
            return
        # Only the very process recorded (same pid and command line), never another that reused the pid.
        if len(recorded) < 2 or not recorded[1] or self._cmdline_of(pid) != recorded[1]:
            return
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while self._cmdline_of(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if self._cmdline_of(pid):
            os.kill(pid, signal.SIGKILL)
        while not port_is_free(self.port) and time.monotonic() < deadline + 5:
            time.sleep(0.1)
        self.notes.append(f"stopped a {self.name} left running by an earlier run (pid {pid})")
