"""Settings read once from the environment.

In AWS the values come from template.yaml (Globals.Function.Environment); locally from
infra/dev.py and tests/conftest.py. Nothing here has a production secret as its default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from portal.ratelimit.policy import Limits


@dataclass(frozen=True)
class TableNames:
    procedures: str
    centers: str
    dossiers: str
    rate_limits: str
    notifications: str
    idempotency: str
    documents: str
    integrations: str  # third-party clients, webhook subscriptions and deliveries


@dataclass(frozen=True)
class StorageSettings:
    """Dossier files: the bucket, the S3 endpoint (None in AWS), where browsers post uploads, the scanner."""

    bucket: str
    endpoint: str | None
    access_key: str  # local only; in AWS the function's role signs
    secret_key: str
    upload_url: str  # "/storage" behind CloudFront (and the local server); "" posts to S3's own address
    scanner: str  # "clamscan" (local) or "guardduty" (AWS: verdicts arrive as object tags)
    clamscan_database: str


def _storage(env: Mapping[str, str]) -> StorageSettings:
    return StorageSettings(
        bucket=env.get("DOCUMENTS_BUCKET", ""),
        endpoint=env.get("STORAGE_ENDPOINT") or None,
        access_key=env.get("STORAGE_ACCESS_KEY", ""),
        secret_key=env.get("STORAGE_SECRET_KEY", ""),
        upload_url=env.get("DOCUMENTS_UPLOAD_URL", ""),
        scanner=env.get("DOCUMENT_SCANNER", "guardduty"),
        clamscan_database=env.get("CLAMSCAN_DATABASE", ""),
    )


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    dynamodb_endpoint: str | None  # None in AWS; DynamoDB Local's URL elsewhere
    tables: TableNames
    catalog_refresh_seconds: int
    reference_cache_seconds: int  # centers kept per container (0: read DynamoDB every time)
    introspection: bool
    oidc_issuer: str
    oidc_audience: str
    oidc_jwks_url: str
    tracking_key: str  # HMAC key of receipts' tracking secrets (from SSM Parameter Store in AWS)
    tracking_key_parameter: str | None
    rate_limits: Limits  # all zero (off) when RATE_LIMITING is off
    client_ip_header: str  # header a trusted proxy (CloudFront) puts the viewer's address in; "" for none
    notify: NotifySettings
    service_index_cache_seconds: int = 300  # the public service index kept per container
    # the header CloudFront adds to every request it forwards (api/http/protection/origin.py); "" locally
    origin_secret: str = field(default="", repr=False)
    # The portal's one public address (PORTAL_URL): links in notifications, the QR codes printed on slips,
    # and where the payment provider returns the citizen and sends its notifications (/payments/notify).
    portal_url: str = "http://127.0.0.1:8080"
    # Online fee payment (portal.payments): the provider's API. Keys: from SSM (PAYMENT_KEYS_PARAMETER, a
    # SecureString JSON) in AWS, plain locally.
    payment_provider_url: str = ""
    payment_api_key: str = field(default="", repr=False)
    payment_webhook_secret: str = field(default="", repr=False)
    payment_keys_parameter: str | None = None
    storage: StorageSettings = None  # type: ignore[assignment]  # set by settings(); see StorageSettings
    signing_key_file: str = ""  # local: the PEM of the Ed25519 key sealing electronic results
    signing_key_parameter: str | None = None  # AWS: the SSM SecureString holding that PEM
    # Third-party apps (issue 19): only registered operations run (prod); registered clients; webhooks.
    persisted_operations_only: bool = False
    webhook_allow_loopback: bool = False  # local and tests only: deliver to a receiver on 127.0.0.1
    webhook_queue_url: str = ""  # SQS in AWS; empty: the local queue (a partition of the Integrations table)
    # Apps' token issuer in AWS (template's AppClientsUserPool); empty: the dev issuer (local) or the
    # national identity provider (template parameter AppTokenIssuer=national) issues app tokens.
    app_user_pool_id: str = ""
    app_token_issuer: str = ""
    app_scope_prefix: str = "portal"  # the user pool's resource server identifier
    # Search reads meaning as well as words (portal/procedures/hybrid.py): the semantic search function in
    # AWS (SEMANTIC_SEARCH_FUNCTION), the model in process locally; SEMANTIC_SEARCH=off: the words alone.
    semantic_search: bool = True
    semantic_search_function: str = ""

    @property
    def is_local(self) -> bool:
        return self.dynamodb_endpoint is not None


# Environment variable -> attribute of TableNames. template.yaml sets each variable to `!Ref` of a table
# resource; infra/tables.py reads that mapping back to create the same tables locally.
TABLE_ENVIRONMENT = {
    "PROCEDURES_TABLE": "procedures",
    "CENTERS_TABLE": "centers",
    "DOSSIERS_TABLE": "dossiers",
    "RATE_LIMITS_TABLE": "rate_limits",
    "NOTIFICATIONS_TABLE": "notifications",
    "IDEMPOTENCY_TABLE": "idempotency",
    "DOCUMENTS_TABLE": "documents",
    "INTEGRATIONS_TABLE": "integrations",
}


@dataclass(frozen=True)
class NotifySettings:
    """Where notifications go: e-mail through SMTP (locally, or any relay) or SES; SMS through Amazon SNS
    or a local outbox folder (their links point at Settings.portal_url)."""

    email_provider: str  # "smtp" | "ses"
    smtp_host: str
    smtp_port: int
    mail_from: str
    sms_provider: str  # "sns" | "outbox"
    sms_outbox_dir: str
    retry_backoff_seconds: int


def _notify(env: Mapping[str, str]) -> NotifySettings:
    return NotifySettings(
        email_provider=env.get("EMAIL_PROVIDER", "smtp"),
        smtp_host=env.get("SMTP_HOST", "127.0.0.1"),
        smtp_port=int(env.get("SMTP_PORT", "1025")),
        mail_from=env.get("MAIL_FROM", "Cổng Dịch vụ công Quốc gia <no-reply@dichvucong.gov.vn>"),
        sms_provider=env.get("SMS_PROVIDER", "outbox"),
        sms_outbox_dir=env.get("SMS_OUTBOX_DIR", ""),
        retry_backoff_seconds=int(env.get("NOTIFY_RETRY_BACKOFF_SECONDS", "30")),
    )


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def _rate_limits(env: Mapping[str, str]) -> Limits:
    """Requests per window; the defaults are template.yaml's. Tests turn the whole thing off (RATE_LIMITING=off)."""
    if not _flag("RATE_LIMITING", default=True):
        return Limits()
    return Limits(
        window_seconds=int(env.get("RATE_LIMIT_WINDOW_SECONDS", "60")),
        client_reads=int(env.get("RATE_LIMIT_CLIENT_READS", "300")),
        client_writes=int(env.get("RATE_LIMIT_CLIENT_WRITES", "20")),
        ip_reads=int(env.get("RATE_LIMIT_IP_READS", "1200")),
        ip_writes=int(env.get("RATE_LIMIT_IP_WRITES", "120")),
    )


@lru_cache(maxsize=1)
def settings() -> Settings:
    env = os.environ
    return Settings(
        stage=env.get("STAGE", "local"),
        region=env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION", "ap-southeast-1")),
        dynamodb_endpoint=env.get("DYNAMODB_ENDPOINT") or None,
        tables=TableNames(**{attr: env.get(var, f"portal-{attr}") for var, attr in TABLE_ENVIRONMENT.items()}),
        catalog_refresh_seconds=int(env.get("CATALOG_REFRESH_SECONDS", "300")),
        reference_cache_seconds=int(env.get("REFERENCE_CACHE_SECONDS", "300")),
        introspection=_flag("GRAPHQL_INTROSPECTION", default=True),
        semantic_search=_flag("SEMANTIC_SEARCH", default=True),
        semantic_search_function=env.get("SEMANTIC_SEARCH_FUNCTION", ""),
        oidc_issuer=env.get("OIDC_ISSUER", ""),
        oidc_audience=env.get("OIDC_AUDIENCE", "portal"),
        oidc_jwks_url=env.get("OIDC_JWKS_URL", ""),
        tracking_key=env.get("TRACKING_KEY", ""),
        tracking_key_parameter=env.get("TRACKING_KEY_PARAMETER") or None,
        rate_limits=_rate_limits(env),
        client_ip_header=env.get("CLIENT_IP_HEADER", "").strip().lower(),
        service_index_cache_seconds=int(env.get("SERVICE_INDEX_CACHE_SECONDS", "300")),
        origin_secret=env.get("ORIGIN_SECRET", "").strip(),
        notify=_notify(env),
        portal_url=env.get("PORTAL_URL", "http://127.0.0.1:8080").rstrip("/"),
        payment_provider_url=env.get("PAYMENT_PROVIDER_URL", ""),
        payment_api_key=env.get("PAYMENT_API_KEY", ""),
        payment_webhook_secret=env.get("PAYMENT_WEBHOOK_SECRET", ""),
        payment_keys_parameter=env.get("PAYMENT_KEYS_PARAMETER") or None,
        storage=_storage(env),
        signing_key_file=env.get("SIGNING_KEY_FILE", ""),
        signing_key_parameter=env.get("SIGNING_KEY_PARAMETER") or None,
        persisted_operations_only=_flag("PERSISTED_OPERATIONS_ONLY", default=env.get("STAGE") == "prod"),
        webhook_allow_loopback=_flag("WEBHOOK_ALLOW_LOOPBACK", default=False) and env.get("STAGE") != "prod",
        webhook_queue_url=env.get("WEBHOOK_QUEUE_URL", ""),
        app_user_pool_id=env.get("APP_USER_POOL_ID", ""),
        app_token_issuer=env.get("APP_TOKEN_ISSUER", "").rstrip("/"),
        app_scope_prefix=env.get("APP_SCOPE_PREFIX", "portal"),
    )
