"""What ops look at locally when something was not delivered: the deliveries failed for good (the
Notifications table's permanent-failure list) and the stream records sent to the dead letters.

    python -m infra.deliveries [--dynamodb-port 8000]      (make deliveries, while make dev runs)
    python -m infra.deliveries --redrive                   (make redrive: the dead letters handled again)

--redrive asks make dev's stream consumer to hand every dead letter to the consumer again (a request file
beside them; if make dev is not running, its consumer does it when it next starts) and waits for it.
In AWS the same list is the `delivery-queue-index` ("failed"), and the dead letters are the SQS queue
StreamDeadLetterQueue (an alarm fires when it is not empty); its redrive: docs/operations/stream-consumer.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from infra import local_env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dynamodb-port", type=int, default=8000)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--redrive", action="store_true", help="hand the dead letters to the consumer again")
    parser.add_argument("--wait", type=float, default=120.0, help="seconds to wait for the redrive")
    args = parser.parse_args(argv)
    letters = local_env.LOCAL / "stream-consumer" / "dead-letters.jsonl"
    if args.redrive:
        return redrive(letters, args.wait)
    local_env.apply(f"http://127.0.0.1:{args.dynamodb_port}", "http://127.0.0.1:8080")
    from portal.store.notifications import NotificationStore

    failed = NotificationStore().failed_deliveries(args.limit)
    print(f"Deliveries failed for good: {len(failed)}")
    for d in failed:
        print(
            f"  {d.created_at:%Y-%m-%d %H:%M} {d.channel.value:<5} {d.code} #{d.seq} after {d.attempts}: {d.last_error}"
        )
    lines = letters.read_text().splitlines() if letters.exists() else []
    print(f"Stream records in the dead letters: {len(lines)}")
    for line in lines[-args.limit :]:
        print(f"  {line}")
    return 0


def _count(letters: Path) -> int:
    return len([line for line in letters.read_text().splitlines() if line.strip()]) if letters.exists() else 0


def redrive(letters: Path, wait: float) -> int:
    """0 when every dead letter was handled; 1 when some are left (still failing: see the log); 3 when
    make dev's consumer did not answer in time (it re-drives when it next starts)."""
    before = _count(letters)
    request = letters.with_name("redrive-requested")  # infra/local/stream_consumer.py's redrive_request
    request.parent.mkdir(parents=True, exist_ok=True)
    request.touch()
    deadline = time.monotonic() + wait
    while request.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    if request.exists():
        print(f"{before} dead letters: make dev's stream consumer is not running; it re-drives them when it starts.")
        return 3
    left = _count(letters)
    print(f"Dead letters re-driven: {before - left} handled, {left} left")
    return 0 if left == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
