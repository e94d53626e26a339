"""Bundles' wiring: their store, and the stream subscriber that starts a waiting member when the results
it needs are ready (its modules load with the first bundle request or the stream consumer, never at the
API's cold start)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from portal.bootstrap.container import Services


def bundle_store():
    from portal.store.bundles import BundleStore

    return BundleStore()


def bundle_subscriber(services: Services):
    """Each dossier event to the bundles: a member's result ready starts the members waiting for it
    (idempotent: a redelivered event finds them started)."""
    from portal.bundles.progress import on_dossier_event

    def on_event(dossier, event) -> None:  # read once by the consumer for every subscriber
        on_dossier_event(services.bundles, services.dossiers, services.centers, services.catalog, dossier, event)

    return on_event
