"""One DynamoDB transaction, tried again when another transaction held one of its items.

DynamoDB cancels a transaction that touches an item another transaction is writing at that moment
(reason `TransactionConflict`): on deadline day a dossier's change and another dossier's share one KPI
counter shard about 7% of the time at peak (infra/CAPACITY.md). Nothing was wrong with either change, so
it is written again after a short, jittered pause (AWS's advice: exponential backoff with jitter), up to
MAX_ATTEMPTS times; a condition that failed (a duplicate request id, a dossier changed meanwhile) is a
real answer and is never retried.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from portal.observability import emit
from portal.store.tables import connection

MAX_ATTEMPTS = 4
BASE_DELAY_SECONDS = 0.025  # then 0.05, 0.1: each times a jitter of 0.5 to 1.5


def conflicted(error: TransactWriteError) -> bool:
    """Cancelled only because another transaction held an item: nothing of its own conditions failed."""
    if error.cause_response_code == "TransactionConflictException":
        return True
    codes = {r.code for r in error.cancellation_reasons or () if r is not None}
    return "TransactionConflict" in codes and "ConditionalCheckFailed" not in codes


def write(
    build: Callable[[TransactWrite], None],
    *,
    sleep: Callable[[float], None] = time.sleep,
    jitter: Callable[[], float] = random.random,
) -> None:
    """Run `build` into a transaction and commit it; built anew for each attempt."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with TransactWrite(connection=connection()) as tx:
                build(tx)
            return
        except TransactWriteError as error:
            if attempt == MAX_ATTEMPTS or not conflicted(error):
                raise
            emit("TransactionConflicts")
            sleep(BASE_DELAY_SECONDS * 2 ** (attempt - 1) * (0.5 + jitter()))
