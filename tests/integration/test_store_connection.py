"""One botocore client per container: every model and every transaction shares it."""

from portal.store.center_items import CenterItem
from portal.store.dossier_items import DossierItem, EventItem, StatsItem
from portal.store.procedure_items import ProcedureItem
from portal.store.rate_limit_items import RateLimitItem
from portal.store.tables import connection


def test_every_model_and_the_transactions_use_the_same_botocore_client(dynamodb):
    clients = {
        id(model._get_connection().connection.client)
        for model in (CenterItem, DossierItem, EventItem, StatsItem, ProcedureItem, RateLimitItem)
    }
    assert clients == {id(connection().client)}
    assert connection() is connection()


def test_each_model_keeps_its_own_table_description(dynamodb):
    dossiers = DossierItem._get_connection().connection.get_meta_table(DossierItem.Meta.table_name)
    assert {index["IndexName"] for index in dossiers.data.get("GlobalSecondaryIndexes", [])} == {
        "applicant-index",
        "center-queue-index",
        "open-index",
        "center-updated-index",
        "applicant-updated-index",
        "filer-index",
    }
