"""Where the portal's keys come from: SSM Parameter Store in AWS (read through powertools, cached 5 min),
the environment or a local file elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from portal.config import Settings


def tracking_key_source(config: Settings) -> Callable[[], bytes]:
    """In AWS the key is a SecureString in SSM Parameter Store, read (and cached 5 min) through powertools."""
    if config.tracking_key_parameter:
        name = config.tracking_key_parameter

        def from_parameter_store() -> bytes:
            from aws_lambda_powertools.utilities import parameters

            return parameters.get_parameter(name, decrypt=True, max_age=300).encode()

        return from_parameter_store
    if config.tracking_key:
        key = config.tracking_key.encode()
        return lambda: key

    def missing() -> bytes:
        raise RuntimeError("set TRACKING_KEY_PARAMETER (AWS) or TRACKING_KEY (local)")

    return missing


def payment_keys_source(config: Settings) -> Callable[[], dict[str, str]]:
    """The provider's API key and notification secret: one SecureString JSON in SSM in AWS, plain locally."""
    if config.payment_keys_parameter:
        name = config.payment_keys_parameter

        def from_parameter_store() -> dict[str, str]:
            import json

            from aws_lambda_powertools.utilities import parameters

            return json.loads(parameters.get_parameter(name, decrypt=True, max_age=300))

        return from_parameter_store
    keys = {"apiKey": config.payment_api_key, "webhookSecret": config.payment_webhook_secret}
    return lambda: keys


def signing_key_source(config: Settings) -> Callable[[], bytes] | None:
    """The key sealing electronic results: SSM Parameter Store in AWS (cached 5 min), a local file elsewhere."""
    if config.signing_key_parameter:
        name = config.signing_key_parameter

        def from_parameter_store() -> bytes:
            from aws_lambda_powertools.utilities import parameters

            return parameters.get_parameter(name, decrypt=True, max_age=300).encode()

        return from_parameter_store
    if config.signing_key_file:
        from pathlib import Path

        path = Path(config.signing_key_file)
        return lambda: path.read_bytes()
    return None
