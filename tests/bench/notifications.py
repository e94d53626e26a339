"""Dossier events to e-mail, locally: the time from a transition (the officer's mutation through the Lambda
handler) to the e-mail's arrival at the local SMTP server, through DynamoDB Local's stream and the same
consumer code as the Lambda; and the consumer's throughput (events handled per second, each one an inbox
entry, a delivery and an SMTP exchange, from a backlog).

    python -m tests.bench.notifications [-n 50] [--backlog 300]

The local poller reads the stream every 0.1 s (the tests' setting); Lambda's event source mapping polls a
shard about four times a second, so expect AWS's figure to be of the same order plus SES's.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from dataclasses import replace

from tests.bench.environment import bench_environment
from tests.bench.figures import save
from tests.bench.handler_latency import Invoker, _submit_variables
from tests.support.notifications import consumer, smtp, wait_for

CENTER = "hcc-01-00070"


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * q))], 1)


def transition_to_email(env, invoke: Invoker, n: int) -> dict:
    from infra.reference.catalog import load_catalog

    procedure = next(p for p in load_catalog()[1] if p.code == "1.001193")
    citizen = env.issuer.mint_for("citizen")
    officer = env.issuer.mint_for("officer", center_id=CENTER, center_role="processing")
    server = smtp(env.stack)
    samples = []
    for _ in range(n):
        email = f"bench-{uuid.uuid4().hex[:10]}@example.vn"
        variables = _submit_variables(procedure, CENTER)
        variables["input"]["email"] = email
        code = invoke("SubmitDossier", variables, citizen)["submitDossier"]["dossier"]["code"]
        wait_for(lambda e=email: server.messages(e), what="the receipt e-mail")
        started = time.time()
        invoke("ActOnDossier", {"input": {"code": code, "action": "START_PROCESSING"}}, officer)
        mails = wait_for(lambda e=email: len(server.messages(e)) >= 2 and server.messages(e), what="the e-mail")
        samples.append((mails[-1].at.timestamp() - started) * 1000)
    return {
        "n": n,
        "p50_ms": _percentile(samples, 0.5),
        "p99_ms": _percentile(samples, 0.99),
        "mean_ms": round(statistics.fmean(samples), 1),
    }


def consumer_throughput(env, backlog: int) -> dict:
    from portal.bootstrap import build_services
    from tests.support.factories import make_dossier

    poller = consumer(env.stack)
    poller.stop()  # a backlog builds up, then the consumer empties it alone
    store = build_services().dossiers
    base = make_dossier(center_id=CENTER)
    server = smtp(env.stack)
    before = len(server.messages())
    for i in range(backlog):
        d = make_dossier(center_id=CENTER, code=f"BENCH-{uuid.uuid4().hex[:10]}-{i}")
        d = replace(d, applicant=replace(base.applicant, email=f"bench-tp-{i}@example.vn"))
        store.create(d, uuid.uuid4().hex, d.received_at)
    started = time.perf_counter()
    poller.drain(timeout=600)
    seconds = time.perf_counter() - started
    sent = len(server.messages()) - before
    poller.start()
    return {
        "events": backlog,
        "emails": sent,
        "seconds": round(seconds, 2),
        "events_per_s": round(backlog / seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--backlog", type=int, default=300)
    args = parser.parse_args()
    with bench_environment(table_prefix="bench-notify") as env:
        invoke = Invoker()
        latency = transition_to_email(env, invoke, args.n)
        throughput = consumer_throughput(env, args.backlog)
    print("\nNotifications (DynamoDB Local's stream -> consumer -> local SMTP server)")
    print(
        f"  transition -> e-mail arrived   p50 {latency['p50_ms']} ms   p99 {latency['p99_ms']} ms   (n={latency['n']})"
    )
    print(
        f"  consumer throughput            {throughput['events_per_s']} events/s "
        f"({throughput['events']} events, {throughput['emails']} e-mails, {throughput['seconds']} s)"
    )
    save("notifications", {"transition_to_email": latency, "consumer_throughput": throughput})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
