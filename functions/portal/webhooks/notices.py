"""The e-mail a client's contact gets when one of its endpoints is disabled after a day of failures
(Vietnamese first, English second). Sent through the portal's e-mail channel (SMTP locally, SES in AWS),
once: only the worker whose write disabled the endpoint sends it."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from portal.observability import logger
from portal.webhooks.model import Subscription


class EmailChannel(Protocol):
    def send(self, to: str, subject: str, body: str) -> str: ...


def disabled_notice(subscription: Subscription, at: datetime, portal_url: str) -> tuple[str, str]:
    subject = "Điểm nhận webhook đã bị tạm dừng / Webhook endpoint disabled"
    body = (
        f"Điểm nhận {subscription.url} (đăng ký {subscription.subscription_id}, ứng dụng {subscription.client_id}) "
        f"không nhận được thông báo nào trong 24 giờ và đã bị tạm dừng lúc {at.isoformat()}.\n"
        "Các thông báo vẫn được lưu trong nhật ký 7 ngày. Khi điểm nhận hoạt động trở lại, gọi "
        "replayWebhookDeliveries để gửi lại và bật lại điểm nhận.\n"
        f"Hướng dẫn: {portal_url}/#/nha-phat-trien\n\n"
        f"The endpoint {subscription.url} (subscription {subscription.subscription_id}, client "
        f"{subscription.client_id}) accepted no delivery for 24 hours and was disabled at {at.isoformat()}.\n"
        "Deliveries stay in the log for 7 days. Once the endpoint works again, call replayWebhookDeliveries "
        "to send them again and re-enable it.\n"
        f"Guide: {portal_url}/#/nha-phat-trien\n"
    )
    return subject, body


class MailNotifier:
    def __init__(self, email: EmailChannel, portal_url: str) -> None:
        self._email = email
        self._portal_url = portal_url

    def endpoint_disabled(self, subscription: Subscription, at: datetime) -> None:
        details = {"subscription": subscription.subscription_id, "client": subscription.client_id, "at": at.isoformat()}
        logger.warning("webhook endpoint disabled", extra=details)
        if not subscription.contact_email:
            return
        subject, body = disabled_notice(subscription, at, self._portal_url)
        try:
            self._email.send(subscription.contact_email, subject, body)
        except Exception:  # the endpoint stays disabled; the operators' alarm on this line follows up
            logger.exception("webhook endpoint disabled: the contact could not be told", extra=details)
