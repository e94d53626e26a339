"""Issue 18, pure parts: each channel has its KPI counter and the online share is over every channel;
who a dossier filed on someone's behalf belongs to and tells; the checks of the person represented and of
a postmark."""

from datetime import date, datetime

import pytest

from portal.clock import VIETNAM
from portal.dossiers.access import can_read_dossier, check_can_pay
from portal.dossiers.counters import KpiCounts, delta
from portal.dossiers.model import Applicant, Channel, Filer, party_ids
from portal.dossiers.on_behalf import PersonRepresented, check_desk_channel, check_represented
from portal.errors import InvalidInput
from portal.identity.principal import Citizen, Officer, OfficerRole
from portal.kpis.service_index import IndexGroup, score_groups
from portal.notifications.handlers import notices_for
from tests.support.factories import make_dossier

T0 = datetime(2026, 3, 2, 9, tzinfo=VIETNAM)
FILER = Filer("001090012345", "Nguyễn Văn An (mẫu)", phone="0912345678", email="an@example.vn")
PRINCIPAL = Applicant("001088034567", "Trần Văn Bình (mẫu)")


def _citizen(pid: str) -> Citizen:
    return Citizen(subject=f"s-{pid}", id_number=pid, full_name="Mẫu")


@pytest.mark.parametrize(
    ("channel", "counter"), [(Channel.ONLINE, "online"), (Channel.IN_PERSON, "in_person"), (Channel.POST, "post")]
)
def test_a_received_dossier_adds_to_its_own_channel_counter(channel, counter):
    d = make_dossier(received_at=T0, channel=channel)
    assert delta(None, d, d.timeline[0]).counts.nonzero() == {"received": 1, counter: 1}


def test_the_online_share_is_over_every_channel_and_months_counted_before_them_keep_their_share():
    k = KpiCounts(received=8, online=2, in_person=4, post=2)
    assert (k.online_rate, k.in_person_rate, k.post_rate, k.channel_unknown) == (0.25, 0.5, 0.25, 0)
    old = KpiCounts(received=10, online=6)  # counted before in person and post were told apart
    assert (old.channel_unknown, old.online_rate, old.post_rate) == (4, 0.6, 0.0)
    assert {g.group: g.indicator for g in score_groups(k)}[IndexGroup.ONLINE] == 0.25


def test_a_dossier_filed_on_behalf_belongs_to_its_applicant_and_its_filer_only():
    d = make_dossier(applicant=PRINCIPAL, filer=FILER)
    assert party_ids(d) == {PRINCIPAL.id_number, FILER.id_number}
    assert can_read_dossier(_citizen(PRINCIPAL.id_number), d) and can_read_dossier(_citizen(FILER.id_number), d)
    assert not can_read_dossier(_citizen("079095001122"), d)
    assert not can_read_dossier(Officer(subject="o", full_name="Cán bộ", center_id="hcc-79", role=OfficerRole.LEAD), d)
    check_can_pay(_citizen(FILER.id_number), d)  # the filer follows the procedure through, fees included


def test_both_the_applicant_and_the_filer_are_told_of_the_dossier():
    d = make_dossier(applicant=PRINCIPAL, filer=FILER)
    told = {n.recipient.id for n in notices_for(d, d.timeline[0], "https://dichvucong.gov.vn") if n.recipient.id}
    assert {PRINCIPAL.id_number, FILER.id_number} <= told


def test_the_person_represented_is_checked_like_every_id_number():
    today, filer = date(2026, 3, 2), _citizen(FILER.id_number)
    good = check_represented(PersonRepresented("001088034567", " Trần Văn Bình ", date(1988, 4, 2)), filer, today)
    assert good == Applicant("001088034567", "Trần Văn Bình", date(1988, 4, 2))
    for wrong, field in (
        (PersonRepresented("00108803456", "A"), "onBehalfOf.idNumber"),
        (PersonRepresented("001299034567", "A"), "onBehalfOf.idNumber"),  # born in 2099
        (PersonRepresented(FILER.id_number, "A"), "onBehalfOf.idNumber"),
        (PersonRepresented("001088034567", "A", date(1990, 1, 1)), "onBehalfOf.dateOfBirth"),
        (PersonRepresented("001088034567", ""), "onBehalfOf.fullName"),
    ):
        with pytest.raises(InvalidInput) as raised:
            check_represented(wrong, filer, today)
        assert [p.field for p in raised.value.problems] == [field]


def test_a_postmark_is_for_post_only_and_not_in_the_future():
    today = date(2026, 3, 2)
    check_desk_channel(Channel.POST, date(2026, 2, 24), today)
    check_desk_channel(Channel.IN_PERSON, None, today)
    for channel, postmark in (
        (Channel.POST, None),
        (Channel.POST, date(2026, 3, 3)),
        (Channel.POST, date(2024, 1, 1)),
        (Channel.IN_PERSON, date(2026, 2, 24)),
        (Channel.ONLINE, None),
    ):
        with pytest.raises(InvalidInput):
            check_desk_channel(channel, postmark, today)
