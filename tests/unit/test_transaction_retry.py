"""A transaction cancelled only by another transaction is written again (portal/store/transactions.py)."""

import pytest
from pynamodb.exceptions import CancellationReason, TransactWriteError, VerboseClientError

from portal.store import transactions


def _cancelled(*codes: str | None) -> TransactWriteError:
    reasons = [CancellationReason(code=c) if c else None for c in codes]
    response = {"Error": {"Code": "TransactionCanceledException", "Message": "cancelled"}}
    return TransactWriteError(
        "cancelled", VerboseClientError(response, "TransactWriteItems", cancellation_reasons=reasons)
    )


class _ScriptedTransactions:
    """Stands in for pynamodb's TransactWrite: each commit raises the next scripted error, or succeeds."""

    def __init__(self, errors: list[TransactWriteError | None]) -> None:
        self.errors, self.commits, self.builds = list(errors), 0, 0

    def __call__(self, connection: object) -> "_ScriptedTransactions":
        return self

    def __enter__(self) -> "_ScriptedTransactions":
        return self

    def __exit__(self, *exc: object) -> None:
        self.commits += 1
        error = self.errors.pop(0) if self.errors else None
        if error is not None:
            raise error


@pytest.fixture
def scripted(monkeypatch):
    def install(errors):
        fake = _ScriptedTransactions(errors)
        monkeypatch.setattr(transactions, "TransactWrite", fake)
        monkeypatch.setattr(transactions, "connection", lambda: None)
        return fake

    return install


def _build(fake: _ScriptedTransactions):
    def build(tx: object) -> None:
        fake.builds += 1

    return build


def test_a_conflict_with_another_transaction_is_written_again_after_a_jittered_pause(scripted):
    fake = scripted([_cancelled(None, "TransactionConflict"), _cancelled("TransactionConflict", None), None])
    pauses: list[float] = []
    transactions.write(_build(fake), sleep=pauses.append, jitter=lambda: 0.5)
    assert fake.commits == 3 and fake.builds == 3  # built anew each time
    assert pauses == [transactions.BASE_DELAY_SECONDS, 2 * transactions.BASE_DELAY_SECONDS]


def test_a_failed_condition_is_an_answer_never_retried(scripted):
    fake = scripted([_cancelled("ConditionalCheckFailed", "TransactionConflict")])
    with pytest.raises(TransactWriteError):
        transactions.write(_build(fake), sleep=lambda s: None)
    assert fake.commits == 1


def test_conflicts_that_do_not_clear_give_up_after_the_last_attempt(scripted):
    fake = scripted([_cancelled("TransactionConflict")] * 10)
    with pytest.raises(TransactWriteError):
        transactions.write(_build(fake), sleep=lambda s: None)
    assert fake.commits == transactions.MAX_ATTEMPTS
