"""Public reference data: procedures, centers, administrative units, datasets, tracking by receipt."""

from __future__ import annotations

from tests.support.authorization.common import (
    ELSEWHERE,
    public,
)

RULES = [
    public("Query.procedures", "SearchProcedures", lambda w: {"search": "khai sinh", "first": 1}),
    public("Query.procedure", "GetProcedure", lambda w: {"code": "1.001193"}),
    public("Query.procedureFields", "ProcedureFields", lambda w: {}),
    public("Query.lifeEvents", "LifeEvents", lambda w: {}),
    public("Query.procedureFieldCounts", "BrowseCatalog", lambda w: {}),
    public("Query.procedureAgencyCounts", "BrowseCatalog", lambda w: {}),
    public("Query.centers", "Centers", lambda w: {"provinceCode": "01", "first": 1}),
    public("Query.center", "GetCenter", lambda w: {"id": ELSEWHERE}),
    public("Query.trackDossier", "TrackDossier", lambda w: {"code": w.code, "trackingSecret": w.tracking_secret}),
    public("Query.provinces", "Provinces", lambda w: {}),
    public("Query.communes", "Communes", lambda w: {"provinceCode": "01", "first": 1}),
    public("Query.resolveAddress", "ResolveAddress", lambda w: {"text": "P. Phúc Xá, Q. Ba Đình, TP. Hà Nội"}),
    public("Query.referenceDatasets", "ReferenceDatasets", lambda w: {}),
]
