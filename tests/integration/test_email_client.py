"""The SMTP client's classification against real sockets: a provider that hangs is a temporary failure
(retried), a refused address a permanent one, a sent message arrives with its Vietnamese intact."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from infra.local.ports import free_port
from infra.local.smtp import LocalSmtp
from portal.channels.email import SmtpEmail
from portal.notifications.model import PermanentFailure, TemporaryFailure


@pytest.fixture
def server():
    s = LocalSmtp(free_port()).start()
    yield s
    s.stop()


def test_a_provider_that_never_answers_is_a_temporary_failure():
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    started = time.monotonic()
    with pytest.raises(TemporaryFailure):
        SmtpEmail("127.0.0.1", port, "no-reply@example.vn", timeout=0.3).send("a@example.vn", "s", "b")
    assert time.monotonic() - started < 3
    listener.close()


def test_nobody_listening_is_a_temporary_failure():
    with pytest.raises(TemporaryFailure):
        SmtpEmail("127.0.0.1", free_port(), "no-reply@example.vn", timeout=1).send("a@example.vn", "s", "b")


def test_a_refused_address_is_a_permanent_failure_and_a_good_one_arrives_intact(server):
    client = SmtpEmail("127.0.0.1", server.port, "Cổng DVC <no-reply@example.vn>")
    with pytest.raises(PermanentFailure, match="550"):
        client.send("nobody@bounce.invalid", "s", "b")
    subject = "Hồ sơ H01.000.00-260302-010001 đã có kết quả / Dossier H01.000.00-260302-010001 has a result"
    client.send("an@example.vn", subject, "Kết quả đã sẵn sàng.")
    [mail] = server.messages("an@example.vn")
    assert mail.subject == subject and mail.body.strip() == "Kết quả đã sẵn sàng."
