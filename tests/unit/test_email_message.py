"""An e-mail as it leaves the portal, read back as a mail reader would: RFC 5322's Date (the time it is
sent) and Message-ID (under the portal's domain), and the sender's Vietnamese name with its marks."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes, policy
from email.utils import parseaddr, parsedate_to_datetime

from portal.channels.email import SmtpEmail, encoded_sender, message_domain
from portal.clock import VIETNAM, FixedClock
from portal.config import _notify

SENDER = "Cổng Dịch vụ công Quốc gia <no-reply@dichvucong.gov.vn>"
SENT_AT = datetime(2026, 3, 2, 9, 30, 15, tzinfo=VIETNAM)


def _read_back(client: SmtpEmail, subject: str = "Hồ sơ đã có kết quả", body: str = "Kết quả đã sẵn sàng."):
    sent = client.message("an@example.vn", subject, body)
    return message_from_bytes(sent.as_bytes(), policy=policy.default)


def test_a_message_carries_the_time_it_is_sent_and_an_id_under_the_portals_domain():
    client = SmtpEmail("127.0.0.1", 1025, SENDER, domain="dichvucong.gov.vn", clock=FixedClock(SENT_AT))
    mail = _read_back(client)
    assert parsedate_to_datetime(mail["Date"]) == SENT_AT
    assert mail["Date"] == "Mon, 02 Mar 2026 09:30:15 +0700"
    message_id = mail["Message-ID"]
    assert message_id.startswith("<") and message_id.endswith("@dichvucong.gov.vn>")
    assert _read_back(client)["Message-ID"] != message_id  # one id a message


def test_the_senders_name_keeps_its_marks_encoded_in_the_header_and_decoded_when_read():
    client = SmtpEmail("127.0.0.1", 1025, SENDER, domain="dichvucong.gov.vn", clock=FixedClock(SENT_AT))
    raw = client.message("an@example.vn", "Hồ sơ", "Nội dung").as_bytes()
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert headers.isascii()  # every header encoded for SMTP
    assert b"From: =?utf-8?" in raw
    mail = message_from_bytes(raw, policy=policy.default)
    assert parseaddr(str(mail["From"])) == ("Cổng Dịch vụ công Quốc gia", "no-reply@dichvucong.gov.vn")
    assert mail["Subject"] == "Hồ sơ" and mail.get_content().strip() == "Nội dung"


def test_the_domain_is_the_host_of_the_portals_address():
    assert message_domain("https://dichvucong.gov.vn") == "dichvucong.gov.vn"
    assert message_domain("http://127.0.0.1:8080") == "127.0.0.1"
    assert message_domain("") == "localhost"


def test_the_default_sender_is_the_portals_vietnamese_name_and_ses_gets_it_encoded():
    assert _notify({}).mail_from == SENDER
    encoded = encoded_sender(SENDER)
    assert encoded.isascii() and encoded.endswith(" <no-reply@dichvucong.gov.vn>")
    assert parseaddr(str(message_from_bytes(f"From: {encoded}\n\n".encode(), policy=policy.default)["From"]))[0] == (
        "Cổng Dịch vụ công Quốc gia"
    )
    assert encoded_sender("no-reply@dichvucong.gov.vn") == "no-reply@dichvucong.gov.vn"
