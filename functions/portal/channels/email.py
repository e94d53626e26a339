"""E-mail: one client per provider, chosen by configuration (EMAIL_PROVIDER): SMTP (the local server of
`make dev` and the tests, or any relay) and Amazon SES in AWS. Both classify failures the same way: the
provider refused for good (a 5xx SMTP reply, SES's rejections: bounced, invalid address) is a
PermanentFailure; anything that may pass later (a 4xx reply, connection refused, timeout, throttling) a
TemporaryFailure. smtplib and the SES client load only when a message is sent.

Every message carries RFC 5322's `Date` (the time it is sent) and a `Message-ID` under the portal's own
domain (the host of PORTAL_URL), and the sender's name keeps its Vietnamese marks (encoded as RFC 2047
words in the header)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from portal.clock import Clock, SystemClock
from portal.notifications.model import PermanentFailure, TemporaryFailure

TIMEOUT_SECONDS = 10


def message_domain(portal_url: str) -> str:
    """The domain of the portal's Message-IDs: the host of its public address."""
    return urlsplit(portal_url).hostname or "localhost"


def _message(sender: str, to: str, subject: str, body: str, *, sent_at: datetime, domain: str):
    from email import policy
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    # Long lines, not folded ones: Python's folding of a Vietnamese subject into encoded words loses the
    # spaces between them (RFC 2047 ignores whitespace between adjacent encoded words).
    message = EmailMessage(policy=policy.SMTP.clone(max_line_length=998))
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(body)
    return message


class SmtpEmail:
    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        timeout: float = TIMEOUT_SECONDS,
        *,
        domain: str = "localhost",
        clock: Clock | None = None,
    ) -> None:
        self.host, self.port, self.sender, self.timeout = host, port, sender, timeout
        self.domain, self.clock = domain, clock or SystemClock()

    def message(self, to: str, subject: str, body: str):
        """The message as it is sent (RFC 5322), dated now."""
        return _message(self.sender, to, subject, body, sent_at=self.clock.now(), domain=self.domain)

    def send(self, to: str, subject: str, body: str) -> str:
        import smtplib

        message = self.message(to, subject, body)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                refused = smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            code, reply = next(iter(error.recipients.values()))
            raise (PermanentFailure if code >= 500 else TemporaryFailure)(f"{code} {reply!r}") from error
        except smtplib.SMTPResponseException as error:
            failure = PermanentFailure if error.smtp_code >= 500 else TemporaryFailure
            raise failure(f"{error.smtp_code} {error.smtp_error!r}") from error
        except (OSError, smtplib.SMTPException) as error:  # refused, reset, timed out
            raise TemporaryFailure(f"{type(error).__name__}: {error}") from error
        if refused:
            raise TemporaryFailure(f"refused: {refused}")
        return message.get("Message-ID", "")


def encoded_sender(sender: str) -> str:
    """The sender as SES takes it: a display name with Vietnamese marks as an RFC 2047 encoded word."""
    from email.utils import formataddr, parseaddr

    name, address = parseaddr(sender)
    return formataddr((name, address), charset="utf-8") if name else address


class SesEmail:
    """Amazon SES v2 (SendEmail). The sender is a verified identity of the account; SES dates the message
    and gives it its Message-ID."""

    def __init__(self, sender: str, region: str) -> None:
        self.sender, self.region = sender, region
        self._client = None

    def send(self, to: str, subject: str, body: str) -> str:
        import boto3
        from botocore.exceptions import BotoCoreError, ClientError

        if self._client is None:
            self._client = boto3.client("sesv2", region_name=self.region)
        try:
            answer = self._client.send_email(
                FromEmailAddress=encoded_sender(self.sender),
                Destination={"ToAddresses": [to]},
                Content={"Simple": {"Subject": {"Data": subject}, "Body": {"Text": {"Data": body}}}},
            )
        except ClientError as error:
            status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 500)
            code = error.response.get("Error", {}).get("Code", "")
            if 400 <= status < 500 and code not in {"TooManyRequestsException", "LimitExceededException"}:
                raise PermanentFailure(code) from error
            raise TemporaryFailure(code or str(status)) from error
        except BotoCoreError as error:
            raise TemporaryFailure(type(error).__name__) from error
        return answer.get("MessageId", "")
