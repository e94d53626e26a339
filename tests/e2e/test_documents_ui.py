"""Documents as a user meets them, on a phone-sized page: the officer uploads the electronic result (sealed)
and the citizen downloads it and verifies it; a filing attaches a document from the personal store by
reference; a draft keeps its uploaded files, resumed in another browser without uploading again."""

import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE
from tests.e2e.helpers import HttpApi, sign_in_url
from tests.e2e.test_filing import (
    BIRTH,
    choose_hoan_kiem_by_area,
    discard_the_draft,
    fill_birth_registration,
    open_form_signed_in,
)
from tests.support.journeys import act, birth_procedure, submit
from tests.support.uploads import PDF, upload

pytestmark = pytest.mark.browser

CENTER = "hcc-01-00070"


def test_the_officer_uploads_the_result_the_citizen_downloads_it_and_verification_tells_it_apart(
    new_page, local_server
):
    base, issuer = local_server.base_url, local_server.issuer
    api = HttpApi(base)
    citizen, officer = issuer.mint_for("citizen"), issuer.mint_for("officer", center_id=CENTER)
    code = submit(api, citizen, CENTER)["code"]
    act(api, officer, code, "START_PROCESSING")
    result = PDF + f"Giấy khai sinh điện tử {uuid.uuid4().hex}".encode()

    desk = new_page()
    desk.goto(sign_in_url(base, "officer", f"#/can-bo/ho-so/{code}", CENTER))
    desk.click("#do-mark_result_ready")  # nothing uploaded yet: the form says so, nothing is sent
    expect(desk.locator("#result-file-error")).to_be_visible()
    desk.set_input_files(
        "#result-file", files=[{"name": "ket-qua.pdf", "mimeType": "application/pdf", "buffer": result}]
    )
    expect(desk.locator("#result-file-list li")).to_have_attribute("data-state", "done")
    desk.click("#do-mark_result_ready")
    expect(desk.locator("#status")).to_have_text("Có kết quả")
    expect(desk.locator("#verify-link")).to_be_visible()  # sealed: it has a verification code

    home = new_page()
    home.goto(sign_in_url(base, "citizen", f"#/ho-so/{code}"))
    timeline = home.locator("#timeline")  # every step in words: no internal name, no bare "result"
    expect(timeline).to_contain_text("Đính kèm giấy tờ")
    expect(timeline).to_contain_text("Tệp kết quả giải quyết")
    expect(timeline).not_to_contain_text("attach_document")
    with home.expect_download() as got:
        home.locator("#result button[id^=open-]").click()
    downloaded = got.value.path().read_bytes()
    assert got.value.suggested_filename == "ket-qua.pdf" and downloaded == result  # the real file, not metadata

    home.click("#verify-link")
    expect(home.locator("h1")).to_have_text("Xác thực kết quả điện tử")
    home.set_input_files("#verify-file", files=[{"name": "a.pdf", "mimeType": "application/pdf", "buffer": downloaded}])
    expect(home.locator("#verdict")).to_have_attribute("data-verdict", "genuine")
    tampered = downloaded.replace(b"Gi", b"Gj", 1)
    home.set_input_files("#verify-file", files=[{"name": "b.pdf", "mimeType": "application/pdf", "buffer": tampered}])
    expect(home.locator("#verdict")).to_have_attribute("data-verdict", "different")
    assert home.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_filing_attaches_a_document_from_the_personal_store_by_reference(page, local_server):
    discard_the_draft(local_server)
    base, api = local_server.base_url, HttpApi(local_server.base_url)
    citizen = local_server.issuer.mint_for("citizen")
    name = f"kho-{uuid.uuid4().hex[:6]}.pdf"
    stored = upload(api, citizen, PDF + name.encode(), procedureCode=BIRTH, fileName=name)
    slot = birth_procedure().documents[1].name

    open_form_signed_in(page, base)
    fill_birth_registration(page)
    choose_hoan_kiem_by_area(page)
    # two selects whatever the procedure asks for: which stored document, for which of its documents
    expect(page.locator("#store-group select")).to_have_count(2)
    picker = page.locator("#store-document")
    expect(picker.locator(f"option[value='{stored['id']}']")).to_have_count(1)
    expect(page.locator("#store-group option", has_text="Không dùng")).to_have_count(0)
    picker.select_option(stored["id"])
    page.select_option("#store-slot", slot)
    page.click("#store-attach")
    line = page.locator("#files-list li", has_text=name)
    expect(line).to_have_attribute("data-state", "done")
    expect(line).to_contain_text("Kho dữ liệu cá nhân")
    expect(line.locator("select")).to_have_value(slot)  # where it can be moved or removed
    expect(picker.locator(f"option[value='{stored['id']}']")).to_have_count(0)  # once a dossier
    page.click("#continue")
    expect(page.locator("#check-files")).to_contain_text(name)
    page.click("#submit")
    expect(page.locator("h1")).to_have_text("Nộp hồ sơ thành công")
    code = page.locator("#receipt-code").inner_text()

    d = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]
    assert [(a["documentId"], a["document"], a["name"]) for a in d["attachments"]] == [(stored["id"], slot, name)]


def _draft_saved_with_a_document(response) -> bool:
    sent = response.request.post_data_json if response.request.method == "POST" else None
    return bool(
        response.url.endswith("/graphql")
        and (sent or {}).get("operationName") == "SaveDraft"
        and sent["variables"]["input"].get("documents")
    )


def test_a_draft_keeps_the_uploaded_file_and_is_submitted_from_another_browser_without_uploading_again(
    new_page, local_server
):
    discard_the_draft(local_server)
    base, api = local_server.base_url, HttpApi(local_server.base_url)
    name = f"to-khai-{uuid.uuid4().hex[:6]}.pdf"

    first = new_page()
    open_form_signed_in(first, base)
    fill_birth_registration(first)
    with first.expect_response(_draft_saved_with_a_document, timeout=30_000):  # autosaved a few seconds later
        first.set_input_files(
            "#files", files=[{"name": name, "mimeType": "application/pdf", "buffer": PDF + name.encode()}]
        )
        expect(first.locator("#files-list li")).to_have_attribute("data-state", "done")
    uploaded = []
    first.context.close()  # leave

    later = new_page()  # another browser context: nothing in memory, only the server's draft
    later.on("request", lambda r: uploaded.append(r.url) if r.url.endswith("/storage") else None)
    later.goto(sign_in_url(base, "citizen", f"#/nop-ho-so/{BIRTH}"))
    line = later.locator("#files-list li", has_text=name)
    expect(line).to_have_attribute("data-state", "done")
    choose_hoan_kiem_by_area(later)
    later.check("#electronic-0")  # the draft keeps answers and files, not this choice: made again
    later.click("#continue")
    later.click("#submit")
    expect(later.locator("h1")).to_have_text("Nộp hồ sơ thành công")
    code = later.locator("#receipt-code").inner_text()
    assert uploaded == []  # nothing posted to storage again

    citizen = local_server.issuer.mint_for("citizen")
    d = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]
    assert [(a["name"], a["state"]) for a in d["attachments"]] == [(name, "clean")]
    assert d["attachments"][0]["documentId"]
