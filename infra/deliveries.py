"""What ops look at locally when something was not delivered: the deliveries failed for good (the
Notifications table's permanent-failure list) and the stream records sent to the dead letters.

    python -m infra.deliveries [--dynamodb-port 8000]      (make deliveries, while make dev runs)

In AWS the same list is the `delivery-queue-index` ("failed"), and the dead letters are the SQS queue
StreamDeadLetterQueue (an alarm fires when it is not empty).
"""

from __future__ import annotations

import argparse
import sys

from infra import local_env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dynamodb-port", type=int, default=8000)
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args(argv)
    local_env.apply(f"http://127.0.0.1:{args.dynamodb_port}", "http://127.0.0.1:8080")
    from portal.store.notifications import NotificationStore

    failed = NotificationStore().failed_deliveries(args.limit)
    print(f"Deliveries failed for good: {len(failed)}")
    for d in failed:
        print(
            f"  {d.created_at:%Y-%m-%d %H:%M} {d.channel.value:<5} {d.code} #{d.seq} after {d.attempts}: {d.last_error}"
        )
    letters = local_env.LOCAL / "stream-consumer" / "dead-letters.jsonl"
    lines = letters.read_text().splitlines() if letters.exists() else []
    print(f"Stream records in the dead letters: {len(lines)}")
    for line in lines[-args.limit :]:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
