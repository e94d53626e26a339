import pytest

from portal.errors import NotAuthenticated
from portal.identity.principal import App, Citizen, Officer, OfficerRole, Scope, acting_citizen, principal_from_claims

CITIZEN_CLAIMS = {
    "sub": "s1",
    "pid": "001090012345",
    "name": "Nguyễn Văn An",
    "birthdate": "1990-05-17",
    "address": {"formatted": "Hà Nội"},
}


def test_citizen_claims_prefill_the_identity():
    p = principal_from_claims(CITIZEN_CLAIMS)
    assert isinstance(p, Citizen)
    assert (p.id_number, p.full_name, p.date_of_birth.isoformat(), p.address) == (
        "001090012345",
        "Nguyễn Văn An",
        "1990-05-17",
        "Hà Nội",
    )


def test_an_officer_belongs_to_one_center_with_one_role():
    p = principal_from_claims({"sub": "o", "roles": ["officer"], "center_id": "hcc-01", "center_role": "reception"})
    assert p == Officer("o", "", "hcc-01", OfficerRole.RECEPTION)


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "x"},  # no personal id number
        {"sub": "x", "pid": "12345"},
        {"sub": "o", "roles": ["officer"], "center_role": "reception"},  # no center
        {"sub": "o", "roles": ["officer"], "center_id": "hcc-01", "center_role": "boss"},
    ],
)
def test_incomplete_claims_are_refused_not_guessed(claims):
    with pytest.raises(NotAuthenticated):
        principal_from_claims(claims)


def test_an_app_acts_for_a_citizen_only_within_its_scopes():
    app = principal_from_claims(
        {**CITIZEN_CLAIMS, "client_id": "app1", "scope": "public:read dossiers:read other:thing"}
    )
    assert isinstance(app, App) and app.scopes == {Scope.PUBLIC_READ, Scope.DOSSIERS_READ}
    assert acting_citizen(app, Scope.DOSSIERS_READ).id_number == "001090012345"
    assert acting_citizen(app, Scope.DOSSIERS_WRITE) is None
