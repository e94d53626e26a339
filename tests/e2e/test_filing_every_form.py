"""Every procedure that can be filed online, filed in a real browser on a phone (390x844): 30 procedures
drawn at random (a fixed seed) from those with an online form that a seeded center of Hà Nội receives, each
rendered from its definition (Procedure.onlineForm) and filed with real files for its required documents,
its receipt shown. The first filings upload every file to the local storage (SeaweedFS, scanned); the later
ones reuse the citizen's stored documents, as the personal store lets anyone (an upload costs a second or
two here). And a generic form refuses a filing without a required document, in the browser and from the
server, keeps its answers and files in the draft, and passes axe."""

from __future__ import annotations

import json
import random
import time
import uuid
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from infra.dev_issuer import SAMPLE_CITIZEN
from portal.procedures.document_slots import DocumentSlot, slot_key
from portal.procedures.model import FieldType, Level, Procedure
from portal.procedures.online_form import REQUESTED_RESULT, FormDefinition, FormKind, derive
from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi
from tests.support.catalog import catalog
from tests.support.factories import form_for
from tests.support.notifications import unique_pid
from tests.support.uploads import minimal_pdf

pytestmark = pytest.mark.browser

SEED = 28
DRAWN = 30
UPLOADING = 6  # the first filings upload every file; the later ones take them from the personal store
COMMUNE_CENTER, PROVINCIAL_CENTER = "hcc-01-00070", "hcc-01"  # Phường Hoàn Kiếm's center, Hà Nội's
CHECK_TITLE, FILED_TITLE = "Kiểm tra thông tin trước khi nộp", "Nộp hồ sơ thành công"
MISSING = "Cần tải tệp lên hoặc lấy từ Kho dữ liệu cá nhân."


@dataclass(frozen=True)
class Drawn:
    procedure: Procedure
    form: FormDefinition
    center: str

    def name(self, slot: DocumentSlot) -> str:
        """What a file sends for the row (and the dossier keeps): its slot key."""
        return slot_key(self.procedure.documents[slot.index].name)


def receiving_center(procedure: Procedure) -> str | None:
    """The center of Hà Nội that receives it (centers/model.Center.receives: a commune's center takes the
    commune level's procedures, the provincial center the province's; a province's own ones at home only)."""
    if procedure.province_code not in (None, "01"):
        return None
    if Level.COMMUNE in procedure.levels:
        return COMMUNE_CENTER
    return PROVINCIAL_CENTER if Level.PROVINCE in procedure.levels else None


def eligible() -> list[Drawn]:
    found = []
    for procedure in catalog():
        form = derive(procedure)  # what the server ships in forms.json, read from the catalog itself
        center = form and receiving_center(procedure)
        if form and center:
            found.append(Drawn(procedure, form, center))
    return found


def drawn() -> list[Drawn]:
    return random.Random(SEED).sample(eligible(), DRAWN)


def own_citizen(local_server) -> str:
    """A citizen of this test's own: no draft or dossier of another test, a personal store of its own."""
    return local_server.issuer.mint({**SAMPLE_CITIZEN, "sub": f"forms-{uuid.uuid4().hex[:8]}", "pid": unique_pid()})


def sign_in(page, base: str, token: str, route: str = "#/") -> None:
    """As the identity provider returns to the site: the token in the address, taken out at once."""
    page.goto(f"{base}/#access_token={quote(token)}&next={quote(route, safe='')}")
    expect(page.locator("#signed-in-as")).to_be_visible()


def open_form(page, base: str, code: str) -> None:
    page.goto(f"{base}/#/nop-ho-so/{code}")  # the same page: only the route changes, the session stays
    expect(page.locator("#continue")).to_be_visible()


def answer(page, d: Drawn) -> None:
    """The form's fields: a designed form's required answers (plausible and consistent: form_for), a
    generic form's requested result (when the catalog lists several) and what the applicant asks for."""
    if d.form.kind is FormKind.DESIGNED:
        for field in d.form.fields:
            value = form_for(d.procedure).get(field.name)
            if value is None:
                continue
            control = page.locator(f"#fd-{field.name}")
            if control.evaluate("e => e.tagName") == "SELECT":
                control.select_option(str(value))
            else:
                control.fill(str(value))
        return
    for field in d.form.fields:
        if field.name == REQUESTED_RESULT:
            page.select_option(f"#fd-{field.name}", field.options[-1])
        else:
            assert field.type is FieldType.TEXTAREA
            page.fill(f"#fd-{field.name}", "Đề nghị giải quyết theo hồ sơ đính kèm.")


def choose_center(page, center: str) -> None:
    page.select_option("#province", "01")
    if center == COMMUNE_CENTER:
        page.select_option("#commune", label="Phường Hoàn Kiếm")
    choice = page.locator(f"#center-{center}")
    expect(choice).to_be_enabled()  # asked: it receives this procedure
    choice.check()


def a_file(d: Drawn, slot: DocumentSlot) -> dict:
    text = f"{d.procedure.code} {slot.index} {uuid.uuid4().hex}".encode()
    return {"name": f"{d.procedure.code}-{slot.index}.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf(text)}


def give(page, d: Drawn, slot: DocumentSlot, upload: bool) -> None:
    """A generic form's card: an upload, or a document of the personal store attached for it."""
    card = f"#slot-{slot.index}"
    if upload:
        page.set_input_files(f"{card}-file", files=[a_file(d, slot)])
    else:
        page.click(f"{card}-store-group summary")  # folded under "take it from your personal store"
        page.click(f"{card}-store-attach")  # the first stored document not attached yet
    expect(page.locator(f"{card}-file-list li")).to_have_attribute("data-state", "done")


def attach_documents(page, d: Drawn, upload: bool) -> tuple[set[str], set[str]]:
    """Every required document: a file, or (after the first, so every dossier carries real files) the tick
    "the agency holds its electronic copy" where the catalog accepts one. With nothing required, a file for
    the first document a file may be given for: never an empty dossier. Returns (files' slots, ticked)."""
    required = list(d.form.required_slots()) or list(d.form.offered_slots()[:1])
    filed, ticked = set(), set()
    if d.form.kind is FormKind.DESIGNED:
        electronic = [s for s in d.form.offered_slots() if s.electronic_ok]
        for slot in required:
            if slot.electronic_ok and filed:
                page.check(f"#electronic-{electronic.index(slot)}")
                ticked.add(d.name(slot))
                continue
            page.set_input_files("#files", files=[a_file(d, slot)])
            line = page.locator("#files-list li").nth(len(filed))
            expect(line).to_have_attribute("data-state", "done")
            line.locator("select").select_option(d.name(slot))  # the document this file stands for
            filed.add(d.name(slot))
        return filed, ticked
    for slot in required:
        if slot.electronic_ok and filed:
            page.check(f"#slot-{slot.index}-electronic")
            ticked.add(d.name(slot))
        else:
            give(page, d, slot, upload)
            filed.add(d.name(slot))
    return filed, ticked


def submissions(page) -> list[dict]:
    """Every SubmitDossier input the page sends."""
    sent: list[dict] = []

    def record(request):
        body = request.post_data_json if request.method == "POST" and request.url.endswith("/graphql") else None
        if (body or {}).get("operationName") == "SubmitDossier":
            sent.append(body["variables"]["input"])

    page.on("request", record)
    return sent


def file_it(page, api: HttpApi, token: str, d: Drawn, upload: bool, sent: list[dict]) -> str:
    answer(page, d)
    choose_center(page, d.center)
    filed, ticked = attach_documents(page, d, upload)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], d.procedure.code
    page.click("#continue")
    expect(page.locator("h1")).to_have_text(CHECK_TITLE)
    page.click("#submit")
    expect(page.locator("h1")).to_have_text(FILED_TITLE)
    code = page.locator("#receipt-code").inner_text()
    dossier = api.run("GetDossier", {"code": code}, token=token).data["dossier"]
    assert (dossier["procedureCode"], dossier["centerId"], dossier["channel"]) == (d.procedure.code, d.center, "ONLINE")
    assert {a["document"] for a in dossier["attachments"]} == filed, d.procedure.code
    assert all(a["documentId"] and a["state"] == "clean" for a in dossier["attachments"]), "stored, scanned files"
    assert set(sent[-1]["electronicDocuments"]) == ticked, "the agency's electronic copies, by name"
    return code


def test_thirty_procedures_drawn_at_random_are_filed_online_on_a_phone_with_real_files(located_page, local_server):
    page, base = located_page, local_server.base_url
    api, token = HttpApi(base), own_citizen(local_server)
    chosen = drawn()
    kinds = {d.form.kind for d in chosen}
    assert FormKind.GENERIC in kinds, "the draw holds generic forms"
    started = time.monotonic()

    first = chosen[0]  # from the procedure's page, as a citizen finds it: "Nộp hồ sơ trực tuyến"
    sign_in(page, base, token, f"#/thu-tuc/{first.procedure.code}")
    page.click("#file-online")
    expect(page.locator("#continue")).to_be_visible()

    codes, sent = [], submissions(page)
    for i, d in enumerate(chosen):
        if i:
            open_form(page, base, d.procedure.code)
        codes.append(file_it(page, api, token, d, upload=i < UPLOADING, sent=sent))
    assert len(set(codes)) == DRAWN
    print(f"\n{DRAWN} filings in {time.monotonic() - started:.0f} s: {[d.procedure.code for d in chosen]}")

    officer = local_server.issuer.mint_for("officer", center_id=chosen[1].center)
    attachment = api.run("GetDossier", {"code": codes[1]}, token=officer).data["dossier"]["attachments"][0]
    link = api.run("DocumentDownload", {"documentId": attachment["documentId"], "dossierCode": codes[1]}, token=officer)
    assert link.errors == [] and link.data["documentDownload"]["url"], "the center opens the real file"


def _saved_with_a_document(response) -> bool:
    sent = response.request.post_data_json if response.request.method == "POST" else None
    return bool(
        response.url.endswith("/graphql")
        and (sent or {}).get("operationName") == "SaveDraft"
        and sent["variables"]["input"].get("documents")
    )


def test_a_generic_form_refuses_a_filing_without_a_required_document_keeps_its_draft_and_passes_axe(
    new_page, local_server
):
    from tests.e2e.test_accessibility import axe_problems

    d = next(x for x in drawn() if x.form.kind is FormKind.GENERIC and len(x.form.required_slots()) >= 2)
    first, second = d.form.required_slots()[:2]
    base, api, token = local_server.base_url, HttpApi(local_server.base_url), own_citizen(local_server)
    page = new_page()
    sign_in(page, base, token, f"#/nop-ho-so/{d.procedure.code}")
    expect(page.locator(f"#slot-{first.index}")).to_contain_text("*")  # marked required
    assert axe_problems(page) == []

    answer(page, d)
    page.click("#continue")  # nothing attached: the browser says which documents are missing, sends nothing
    expect(page.locator("#problems")).to_be_focused()
    for slot in d.form.required_slots():
        expect(page.locator(f"#slot-{slot.index}-error")).to_have_text(MISSING)
    expect(page.locator("#problems li")).to_have_count(len(d.form.required_slots()) + 1)  # and the center
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ trực tuyến")
    assert axe_problems(page) == [], "the problems are announced and tied to their documents"

    with page.expect_response(_saved_with_a_document, timeout=30_000):  # the draft keeps the answers and file
        give(page, d, first, upload=True)
    expect(page.locator(f"#slot-{first.index}-error")).to_be_hidden()  # cleared as soon as it is met
    page.reload()
    expect(page.locator(f"#slot-{first.index}-file-list li")).to_have_attribute("data-state", "done")
    expect(page.locator("#fd-request_details")).to_have_value("Đề nghị giải quyết theo hồ sơ đính kèm.")

    for slot in d.form.required_slots()[1:]:
        give(page, d, slot, upload=True)
    choose_center(page, d.center)

    def without_the_second(route):  # as if the browser's check were bypassed: the server refuses too
        body = route.request.post_data_json or {}
        if body.get("operationName") == "SubmitDossier":
            sent = body["variables"]["input"]
            sent["documents"] = [r for r in sent["documents"] if r["slot"] != d.name(second)]
            return route.continue_(post_data=json.dumps(body))
        return route.continue_()

    page.route("**/graphql", without_the_second)
    page.click("#continue")
    page.click("#submit")
    expect(page.locator(f"#slot-{second.index}-error")).to_contain_text("Cần đính kèm")  # on its card
    expect(page.locator("#problems")).to_contain_text("Cần đính kèm")
    page.unroute("**/graphql", without_the_second)
    page.click("#continue")
    page.click("#submit")
    expect(page.locator("h1")).to_have_text(FILED_TITLE)
    code = page.locator("#receipt-code").inner_text()
    attachments = api.run("GetDossier", {"code": code}, token=token).data["dossier"]["attachments"]
    assert {a["document"] for a in attachments} == {d.name(s) for s in d.form.required_slots()}
