"""Webhook benchmark: the time from a dossier's transition (an officer starts processing it, then
`on_dossier_event` gets its new timeline event) to the signed webhook's arrival at a local receiver that
verifies it, through the delivery log and queue in DynamoDB Local and the worker.

    .venv/bin/python -m tests.bench.webhook_latency [-n 100]

Two workers: called at once after the event (the pipeline's own cost), and the local engine's worker
polling every 0.2 s (what `make dev` runs; in AWS an SQS trigger takes its place). Timings, not assertions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from datetime import timedelta

from tests.bench.environment import bench_environment
from tests.bench.figures import Timing, header, save

CENTER = "hcc-79-26743"


def _timing(name: str, samples: list[float]) -> Timing:
    samples = sorted(samples)
    return Timing(
        name=name,
        n=len(samples),
        p50_ms=round(statistics.median(samples), 3),
        p99_ms=round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3),
        mean_ms=round(statistics.fmean(samples), 3),
    )


def run(n: int) -> dict:
    os.environ["WEBHOOK_ALLOW_LOOPBACK"] = "on"
    with bench_environment(table_prefix="bench-webhooks") as env:
        from infra.dev_issuer import SAMPLE_CITIZEN
        from infra.local.webhook_worker import WebhookWorker
        from portal.bootstrap import build_services, build_webhook_worker, default_services
        from portal.clients.model import Registration
        from portal.dossiers import intake, workflow
        from portal.dossiers.lifecycle import Action
        from portal.identity.principal import Admin, App, Citizen, Officer, OfficerRole, Scope
        from portal.webhooks.model import DossierEvent
        from tests.support.factories import form_for
        from tests.support.journeys import birth_procedure, electronic_documents
        from tests.support.webhook_receiver import WebhookReceiver

        del env
        services = default_services()  # the one the local engine's worker uses too
        admin = Admin("bench-admin", "bench")
        client, _ = services.clients.register(
            admin,
            Registration(
                name="Bench (mẫu)",
                contact_email="bench@example.vn",
                scopes=("center:dossiers",),
                expires_at=services.clock.now() + timedelta(days=30),
                center_id=CENTER,
            ),
        )
        app = App(client.client_id, frozenset({Scope.CENTER_DOSSIERS}), registered=True, center_id=CENTER)
        receiver = WebhookReceiver(now=time.time).start()
        subscription, secret = services.webhooks.subscribe(app, receiver.url, ["dossier.status_changed"])
        receiver.secret = secret
        citizen = Citizen(SAMPLE_CITIZEN["sub"], SAMPLE_CITIZEN["pid"], SAMPLE_CITIZEN["name"])
        officer = Officer("bench-officer", "bench", CENTER, OfficerRole.LEAD)
        birth = birth_procedure()

        def filed() -> str:
            # the birth certificate the hospital issued electronically: the catalog's required document
            request = intake.SubmitRequest(
                uuid.uuid4().hex,
                birth.code,
                CENTER,
                form_for(birth),
                electronic_documents=tuple(electronic_documents(birth)),
            )
            s = services
            return intake.submit_dossier(s.dossiers, s.centers, s.catalog, s.clock, citizen, request).dossier.code

        def transition_to_arrival(deliver) -> float:
            code = filed()
            expected = len(receiver.accepted) + 1
            start = time.perf_counter()
            after = workflow.act_on_dossier(services.dossiers, services.clock, officer, code, Action.START_PROCESSING)
            services.webhooks.on_dossier_event(DossierEvent.of(after, after.timeline[-1]))
            deliver()
            receiver.wait_for(expected, timeout=30)
            assert len(receiver.accepted) >= expected, "the webhook did not arrive"
            return (time.perf_counter() - start) * 1000

        inline_worker = build_webhook_worker(services=build_services())
        inline = [transition_to_arrival(lambda: inline_worker.deliver_due(services.clock.now())) for _ in range(n)]
        engine = WebhookWorker().start()
        try:
            polled = [transition_to_arrival(lambda: None) for _ in range(max(10, n // 4))]
        finally:
            engine.stop()
        receiver.stop()
        assert receiver.refused == 0
        del subscription
        return {
            "timings": [
                _timing("transition -> arrival (worker called at once)", inline),
                _timing("transition -> arrival (engine polling 0.2 s)", polled),
            ],
            "load_average": os.getloadavg(),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100)
    args = parser.parse_args()
    figures = run(args.n)
    header("Webhooks: dossier transition to a verified arrival at a local receiver")
    for timing in figures["timings"]:
        print(timing.row())
    print(f"  load average: {figures['load_average']}")
    print(f"  written to {save('webhook', figures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
