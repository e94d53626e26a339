"""SMS: Amazon SNS in AWS (SMS_PROVIDER=sns), and locally an outbox that records, one JSON line a message,
what would have been sent (SMS_PROVIDER=outbox, SMS_OUTBOX_DIR; in memory when no folder is given). An
SMS carries only the dossier code, its new state and a link (the templates see to it)."""

from __future__ import annotations

import json
import re
import threading
import uuid
from pathlib import Path

from portal.notifications.model import PermanentFailure, TemporaryFailure

PHONE = re.compile(r"^\+?[0-9]{9,15}$")


def e164(phone: str) -> str:
    """Vietnamese numbers are written 0xxxxxxxxx at home; SNS wants +84xxxxxxxxx."""
    digits = phone.strip().replace(" ", "")
    if not PHONE.match(digits):
        raise PermanentFailure("not a phone number")
    if digits.startswith("0"):
        return "+84" + digits[1:]
    return digits if digits.startswith("+") else "+" + digits


class OutboxSms:
    def __init__(self, folder: str | Path | None = None) -> None:
        self.path = Path(folder) / "sms-outbox.jsonl" if folder else None
        self.sent: list[dict[str, str]] = []
        self._lock = threading.Lock()

    def send(self, phone: str, text: str) -> str:
        record = {"id": uuid.uuid4().hex, "to": e164(phone), "text": text}
        with self._lock:
            self.sent.append(record)
            if self.path:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return record["id"]


class SnsSms:
    def __init__(self, region: str) -> None:
        self.region = region
        self._client = None

    def send(self, phone: str, text: str) -> str:
        import boto3
        from botocore.exceptions import BotoCoreError, ClientError

        if self._client is None:
            self._client = boto3.client("sns", region_name=self.region)
        try:
            answer = self._client.publish(
                PhoneNumber=e164(phone),
                Message=text,
                MessageAttributes={"AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"}},
            )
        except ClientError as error:
            status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 500)
            code = error.response.get("Error", {}).get("Code", "")
            if 400 <= status < 500 and code != "ThrottledException":
                raise PermanentFailure(code) from error
            raise TemporaryFailure(code or str(status)) from error
        except BotoCoreError as error:
            raise TemporaryFailure(type(error).__name__) from error
        return answer.get("MessageId", "")
