"""Pure rules of client registration and authentication."""

from __future__ import annotations

import ipaddress
import re
from datetime import datetime, timedelta

from portal.clients.model import Client, Registration
from portal.errors import FieldProblem, InvalidInput, NotAuthenticated
from portal.identity.principal import Scope

MAX_NAME = 100
MAX_EMAIL = 254
MAX_PROCEDURES = 50
MAX_NETWORKS = 20
MAX_LIFETIME = timedelta(days=730)
EXPIRY_WARNING = timedelta(days=30)  # the client sees `expiresInDays` from then on
MAX_PER_MINUTE = 10_000
MAX_PER_DAY = 10_000_000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PROCEDURE = re.compile(r"^[0-9A-Za-z.\-]{1,20}$")
SCOPE_NAMES = {s.value: s for s in Scope}


def _problem(field: str, message: str, message_en: str) -> FieldProblem:
    return FieldProblem(field, message, message_en)


def check_registration(r: Registration, now: datetime) -> frozenset[Scope]:
    """The scopes granted, or InvalidInput listing every problem of the registration."""
    problems = []
    if not 1 <= len(r.name.strip()) <= MAX_NAME:
        problems.append(_problem("name", f"Tên từ 1 đến {MAX_NAME} ký tự.", f"Name: 1 to {MAX_NAME} characters."))
    if len(r.contact_email) > MAX_EMAIL or not _EMAIL.match(r.contact_email):
        problems.append(_problem("contactEmail", "Địa chỉ thư không hợp lệ.", "The email address is not valid."))
    unknown = [s for s in r.scopes if s not in SCOPE_NAMES]
    if not r.scopes or unknown or len(r.scopes) > len(SCOPE_NAMES):
        problems.append(
            _problem(
                "scopes",
                f"Phạm vi phải thuộc: {', '.join(SCOPE_NAMES)}.",
                f"Scopes must be among: {', '.join(SCOPE_NAMES)}.",
            )
        )
    scopes = frozenset(SCOPE_NAMES[s] for s in r.scopes if s in SCOPE_NAMES)
    if (Scope.CENTER_DOSSIERS in scopes) != bool(r.center_id):
        problems.append(
            _problem(
                "centerId",
                "Phạm vi center:dossiers cần đúng một trung tâm (và chỉ phạm vi đó).",
                "The center:dossiers scope needs exactly one center (and only that scope takes one).",
            )
        )
    if r.center_id is not None and not 1 <= len(r.center_id) <= 40:
        problems.append(_problem("centerId", "Mã trung tâm không hợp lệ.", "The center id is not valid."))
    if not procedures_valid(r.procedures):
        problems.append(
            _problem(
                "procedures",
                f"Tối đa {MAX_PROCEDURES} mã thủ tục hợp lệ.",
                f"At most {MAX_PROCEDURES} valid procedure codes.",
            )
        )
    if len(r.ip_allow_list) > MAX_NETWORKS or not all(_is_network(n) for n in r.ip_allow_list):
        problems.append(
            _problem(
                "ipAllowList",
                f"Tối đa {MAX_NETWORKS} dải địa chỉ (CIDR).",
                f"At most {MAX_NETWORKS} address ranges (CIDR).",
            )
        )
    if not now < r.expires_at <= now + MAX_LIFETIME:
        problems.append(
            _problem("expiresAt", "Hạn dùng trong vòng 2 năm tới.", "The expiry must lie within the next 2 years.")
        )
    if not 1 <= r.per_minute <= MAX_PER_MINUTE or not 1 <= r.per_day <= MAX_PER_DAY or r.per_day < r.per_minute:
        problems.append(_problem("limits", "Giới hạn yêu cầu không hợp lệ.", "The request limits are not valid."))
    if problems:
        raise InvalidInput("Thông tin đăng ký chưa hợp lệ.", "The registration is not valid.", tuple(problems))
    return scopes


def procedures_valid(procedures) -> bool:
    return len(procedures) <= MAX_PROCEDURES and all(_PROCEDURE.match(p) for p in procedures)


def _is_network(text: str) -> bool:
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        return False
    return len(text) <= 64


def _refused() -> NotAuthenticated:
    # One answer for every reason: a caller learns nothing about which client ids exist.
    return NotAuthenticated("Ứng dụng không được xác thực.", "The client could not be authenticated.")


def check_in_service(client: Client | None, now: datetime, address: str | None) -> Client:
    """The client, if it may call the portal now from `address`: not revoked, not expired, allowed address."""
    if client is None or client.revoked_at is not None or now >= client.expires_at:
        raise _refused()
    if client.ip_allow_list:
        try:
            ip = ipaddress.ip_address(address or "")
        except ValueError:
            raise _refused() from None
        if not any(ip in ipaddress.ip_network(n, strict=False) for n in client.ip_allow_list):
            raise _refused()
    return client


def refused() -> NotAuthenticated:
    return _refused()


def expires_in_days(client: Client, now: datetime) -> int | None:
    """Days left before the client expires, once it is within EXPIRY_WARNING of it (else None)."""
    left = client.expires_at - now
    return max(0, left.days) if left <= EXPIRY_WARNING else None


def granted_scopes(client: Client, requested: str) -> frozenset[Scope]:
    """What a token may carry: the requested scopes the client holds (all it holds when none are asked)."""
    if not requested.strip():
        return client.scopes
    return frozenset(SCOPE_NAMES[s] for s in requested.split() if s in SCOPE_NAMES) & client.scopes


TOKEN_SECONDS = 3600


def token_claims(client: Client, requested_scope: str) -> dict[str, object]:
    """The claims of a client-credentials access token (RFC 6749 4.4) for `client`."""
    scopes = granted_scopes(client, requested_scope)
    return {
        "sub": client.client_id,
        "client_id": client.client_id,
        "scope": " ".join(sorted(s.value for s in scopes)),
        "client_registry": True,
    }
