"""A payment's round trip against the local payment simulator, over real HTTP: the citizen starts a payment
(portal -> provider create), approves it on the provider's page, and the provider's two signed notifications
are applied by the portal (each verified with the provider's status API, written in one transaction).

    python -m tests.bench.payment [-n 50]

Figures: startPayment through the API, approve -> both notifications applied (the provider's view: the
portal answered 200 to each), and the whole round trip.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
import uuid
from dataclasses import replace

from infra.local.ports import free_port

TIMEOUT_SECONDS = 10


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))], 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=50)
    args = parser.parse_args()

    from tests.bench.environment import bench_environment

    with bench_environment(table_prefix="bench-pay") as env:
        portal_port = free_port()  # chosen once the other engines hold theirs
        import uvicorn

        from portal.api.http.app import create_app
        from portal.bootstrap import build_services
        from portal.config import settings
        from tests.bench.figures import save
        from tests.e2e.helpers import HttpApi
        from tests.support import journeys
        from tests.support.payments import WARD, Simulator, provider_id, residence_procedure

        # The simulator returns the citizen and sends its notifications to this server.
        config = replace(settings(), portal_url=f"http://127.0.0.1:{portal_port}")
        app = create_app(services=build_services(config))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=portal_port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.02)
        api = HttpApi(f"http://127.0.0.1:{portal_port}")
        simulator = Simulator()
        simulator.control(delivery="normal", down=False)
        token = env.issuer.mint_for("citizen")
        procedure = residence_procedure()
        codes = [journeys.submit(api, token, WARD, procedure=procedure)["code"] for _ in range(args.n + 5)]

        create, applied, total = [], [], []
        for i, code in enumerate(codes):
            t0 = time.perf_counter()
            r = api.run("StartPayment", {"input": {"code": code, "idempotencyKey": uuid.uuid4().hex}}, token=token)
            payment = r.data["startPayment"]["payment"]
            t1 = time.perf_counter()
            before = simulator.control()["delivered"]
            assert simulator.decide(provider_id(payment)) == 303
            deadline = time.monotonic() + TIMEOUT_SECONDS
            while simulator.control()["delivered"] < before + 2:
                if time.monotonic() > deadline:
                    failures = simulator.control()["failures"]
                    raise TimeoutError(f"the notifications of {code} were not applied: {failures}")
                time.sleep(0.002)
            t2 = time.perf_counter()
            if i >= 5:  # warm-up
                create.append((t1 - t0) * 1000)
                applied.append((t2 - t1) * 1000)
                total.append((t2 - t0) * 1000)
        state = api.run("DossierPayments", {"code": codes[-1]}, token=token).data["dossierPayments"]
        assert state["fee"]["status"] == "PAID", state
        server.should_exit = True

    rows = {
        "startPayment (portal + provider create)": create,
        "approve -> 2 notifications applied": applied,
        "round trip": total,
    }
    print(f"\nPayment round trip through the simulator (n={args.n})\n  {'':<44} {'p50 ms':>9} {'p95 ms':>9}")
    figures = {}
    for name, samples in rows.items():
        p50, p95 = round(statistics.median(samples), 2), percentile(samples, 0.95)
        figures[name] = {"p50_ms": p50, "p95_ms": p95, "n": len(samples)}
        print(f"  {name:<44} {p50:9.2f} {p95:9.2f}")
    print(f"  written to {save('payment', figures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
