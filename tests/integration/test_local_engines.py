"""The local engines' home (infra/local): a crashed `make dev` never leaves an engine that blocks the next."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from infra.local.dynamodb import DynamoDBLocal
from infra.local.ports import free_port, port_is_free
from infra.local.process import EngineError

ROOT = Path(__file__).resolve().parents[2]


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes() != b""
    except OSError:
        return False


def test_a_leftover_engine_recorded_in_its_data_folder_is_stopped_by_the_next_start(tmp_path: Path) -> None:
    port = free_port()
    crashed_run = DynamoDBLocal(port, data_dir=tmp_path / "dynamodb").start()
    leftover_pid = int((tmp_path / "dynamodb" / ".pid").read_text().split("\n")[0])
    # The next run knows nothing of the first one's process object: only its data folder.
    next_run = DynamoDBLocal(port, data_dir=tmp_path / "dynamodb")
    try:
        next_run.start()
        assert next_run.healthy()
        assert not _alive(leftover_pid)
        assert next_run.notes == [f"stopped a DynamoDB Local left running by an earlier run (pid {leftover_pid})"]
    finally:
        next_run.stop()
        crashed_run.stop()
    assert port_is_free(port)


def test_an_engine_dies_with_the_process_that_started_it_even_on_kill_9(tmp_path: Path) -> None:
    port = free_port()
    script = (
        "import sys, time; from pathlib import Path; from infra.local.dynamodb import DynamoDBLocal; "
        f"DynamoDBLocal({port}, data_dir=Path({str(tmp_path / 'dynamodb')!r})).start(); print('up', flush=True); "
        "time.sleep(120)"
    )
    runner = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert runner.stdout.readline().strip() == "up"
        engine_pid = int((tmp_path / "dynamodb" / ".pid").read_text().split("\n")[0])
        os.kill(runner.pid, signal.SIGKILL)
        runner.wait()
        deadline = time.monotonic() + 15
        while _alive(engine_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(engine_pid)
    finally:
        runner.kill()


def test_a_port_held_by_another_program_is_refused_with_the_option_to_change_it() -> None:
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        refusal = f"port {port} is taken by another program; choose another with --dynamodb-port"
        with pytest.raises(EngineError, match=refusal):
            DynamoDBLocal(port).start()
