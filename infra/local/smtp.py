"""A local SMTP server (aiosmtpd) that keeps what the portal sends: in memory (tests) and, for `make dev`,
one .eml file per message under .local/mail. Read it with `python -m infra.local.smtp` (or `make mail`).

It answers like a real mail server in one respect the tests need: a recipient in the reserved `.invalid`
domain (RFC 2606), e.g. `nobody@bounce.invalid`, is refused with 550 (mailbox unavailable), as a bounced
address would be, so the portal's permanent-failure path runs against a real SMTP exchange.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

from infra.local.ports import port_is_free


@dataclass(frozen=True)
class ReceivedMail:
    to: tuple[str, ...]
    sender: str
    subject: str
    body: str
    at: datetime


def _parse(envelope_to: list[str], sender: str, data: bytes) -> ReceivedMail:
    message = message_from_bytes(data, policy=policy.default)
    body = message.get_body(preferencelist=("plain",))
    return ReceivedMail(
        to=tuple(envelope_to),
        sender=sender,
        subject=str(message.get("Subject", "")),
        body=body.get_content() if body else "",
        at=datetime.now(UTC),
    )


class _Handler:
    def __init__(self, server: LocalSmtp) -> None:
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd's hook
        if address.lower().endswith(".invalid"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook
        self.server.keep(envelope.rcpt_tos, envelope.mail_from, envelope.content)
        return "250 Message accepted for delivery"


class LocalSmtp:
    name = "SMTP server"
    port_option = "--smtp-port"

    def __init__(self, port: int, mail_dir: Path | None = None) -> None:
        self.port = port
        self.mail_dir = mail_dir
        self.notes: list[str] = []
        self.received: list[ReceivedMail] = []
        self._lock = threading.Lock()
        self._controller = None

    def environment(self) -> dict[str, str]:
        return {"EMAIL_PROVIDER": "smtp", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(self.port)}

    def keep(self, to: list[str], sender: str, data: bytes) -> None:
        mail = _parse(to, sender, data)
        with self._lock:
            self.received.append(mail)
            if self.mail_dir:
                self.mail_dir.mkdir(parents=True, exist_ok=True)
                stamp = mail.at.strftime("%Y%m%dT%H%M%S%f")
                (self.mail_dir / f"{stamp}-{len(self.received):05d}.eml").write_bytes(data)

    def messages(self, to: str | None = None) -> list[ReceivedMail]:
        with self._lock:
            return [m for m in self.received if to is None or to in m.to]

    def start(self, timeout: float = 10.0) -> LocalSmtp:
        from aiosmtpd.controller import Controller

        from infra.local.process import EngineError

        if not port_is_free(self.port):
            raise EngineError(f"{self.name}: port {self.port} is taken; choose another with {self.port_option}.")
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, ready_timeout=timeout)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
            deadline = time.monotonic() + 5
            while not port_is_free(self.port) and time.monotonic() < deadline:
                time.sleep(0.05)

    def healthy(self) -> bool:
        if self._controller is None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                return s.recv(3) == b"220"
        except OSError:
            return False


def main(argv: list[str] | None = None) -> int:
    from infra.local_env import LOCAL

    parser = argparse.ArgumentParser(description="The mail the portal sent locally (make dev), newest last.")
    parser.add_argument("--dir", type=Path, default=LOCAL / "mail")
    parser.add_argument("--last", type=int, default=10, help="how many to show (default 10)")
    args = parser.parse_args(argv)
    files = sorted(args.dir.glob("*.eml"))
    if not files:
        print(f"No mail in {args.dir} yet.")
        return 0
    for path in files[-args.last :]:
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        print(f"=== {path.name}\nTo: {message['To']}\nSubject: {message['Subject']}\n")
        print(body.get_content() if body else "")
    print(f"({len(files)} messages in {args.dir})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
