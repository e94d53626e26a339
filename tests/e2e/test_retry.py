"""When the server is briefly unavailable (HTTP 503 with Retry-After), the site tries again by itself,
tells the person it is doing so, and says plainly when it gives up."""

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

UNAVAILABLE = {
    "status": 503,
    "headers": {"retry-after": "1", "content-type": "application/json"},
    "body": json.dumps(
        {"errors": [{"message": "Hệ thống đang tạm thời gián đoạn.", "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}
    ),
}


def refuse_searches(page, times: int) -> list[str]:
    """The first `times` searches answer 503; the list records every search the page sent."""
    seen: list[str] = []

    def handle(route):
        body = route.request.post_data_json or {}
        if body.get("operationName") != "SearchProcedures":
            return route.continue_()
        seen.append(body["variables"].get("search"))
        if len(seen) <= times:
            return route.fulfill(**UNAVAILABLE)
        return route.continue_()

    page.route("**/graphql", handle)
    return seen


def test_a_search_answered_503_is_retried_and_the_person_is_told(page, local_server):
    seen = refuse_searches(page, times=2)
    page.goto(f"{local_server.base_url}/")
    notice = page.locator("#retry-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("thử lại")
    expect(page.locator("#results li").first).to_be_visible(timeout=20_000)
    expect(notice).to_be_hidden()
    assert len(seen) >= 3, "two refusals, then the answer"


def test_when_the_server_stays_unavailable_the_site_says_so(page, local_server):
    refuse_searches(page, times=1000)
    page.goto(f"{local_server.base_url}/")
    expect(page.locator("#summary")).to_contain_text("tạm thời gián đoạn", timeout=30_000)
    expect(page.locator("#retry-notice")).to_be_hidden()
