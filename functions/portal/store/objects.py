"""The object storage adapter: dossier files in S3 (SeaweedFS's S3 gateway locally), through boto3.

The client is made on first use, not at import: parsing S3's service description costs tens of
milliseconds the cold start of a request that touches no file must not pay.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cached_property
from urllib.parse import quote

from portal.errors import Unavailable

CONNECT_TIMEOUT_SECONDS = 2
READ_TIMEOUT_SECONDS = 10


def storage_down() -> Unavailable:
    return Unavailable(
        "Kho lưu trữ tệp tạm thời không phản hồi. Những gì đã gửi vẫn được giữ; vui lòng thử lại sau ít phút.",
        "File storage is not answering. Nothing already accepted is lost; please try again in a few minutes.",
    )


class S3Objects:
    def __init__(
        self,
        bucket: str,
        region: str,
        endpoint: str | None = None,
        access_key: str = "",
        secret_key: str = "",
        upload_url: str = "",
    ) -> None:
        self.bucket = bucket
        self.region = region
        self.endpoint = endpoint  # None in AWS
        self._credentials = (access_key, secret_key) if access_key else None
        self.upload_url = upload_url  # where browsers post: the site's /storage path (CloudFront) or S3 itself

    @cached_property
    def client(self):
        import boto3
        from botocore.config import Config

        extra = {}
        if self._credentials:
            extra = {"aws_access_key_id": self._credentials[0], "aws_secret_access_key": self._credentials[1]}
        return boto3.client(
            "s3",
            region_name=self.region,
            endpoint_url=self.endpoint,
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path" if self.endpoint else "virtual"},
                connect_timeout=CONNECT_TIMEOUT_SECONDS,
                read_timeout=READ_TIMEOUT_SECONDS,
                retries={"max_attempts": 2, "mode": "standard"},
            ),
            **extra,
        )

    def _call(self, name: str, **kwargs):
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(self.client, name)(Bucket=self.bucket, **kwargs)
        except ClientError as error:
            status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
            if status >= 500:
                raise storage_down() from error
            raise
        except BotoCoreError as error:  # connection refused, timeouts
            raise storage_down() from error

    def presigned_post(
        self, key: str, content_type: str, max_bytes: int, expires_in: timedelta
    ) -> tuple[str, dict[str, str]]:
        """A POST policy for exactly this key and type, between 1 byte and `max_bytes`."""
        from botocore.exceptions import BotoCoreError

        try:
            post = self.client.generate_presigned_post(
                Bucket=self.bucket,
                Key=key,
                Fields={"Content-Type": content_type},
                Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
                ExpiresIn=int(expires_in.total_seconds()),
            )
        except BotoCoreError as error:
            raise storage_down() from error
        return self.upload_url or post["url"], post["fields"]

    def size_of(self, key: str) -> int | None:
        from botocore.exceptions import ClientError

        try:
            return int(self._call("head_object", Key=key)["ContentLength"])
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return None
            raise

    def read(self, key: str, max_bytes: int) -> bytes:
        body = self._call("get_object", Key=key, Range=f"bytes=0-{max_bytes - 1}")["Body"]
        try:
            return body.read()
        finally:
            body.close()

    def move(self, source: str, target: str) -> None:
        self._call("copy_object", Key=target, CopySource={"Bucket": self.bucket, "Key": source})
        self.delete(source)

    def delete(self, key: str) -> None:
        self._call("delete_object", Key=key)

    def keys_older_than(self, prefix: str, before: datetime, limit: int) -> list[str]:
        """Keys under `prefix` last written before `before` (at most `limit`)."""
        keys, token = [], None
        while len(keys) < limit:
            page = self._call(
                "list_objects_v2",
                Prefix=prefix,
                MaxKeys=min(1000, limit),
                **({"ContinuationToken": token} if token else {}),
            )
            keys += [o["Key"] for o in page.get("Contents", []) if o["LastModified"] < before]
            token = page.get("NextContinuationToken")
            if not token:
                break
        return keys[:limit]

    def put(self, key: str, body: bytes, content_type: str) -> None:
        self._call("put_object", Key=key, Body=body, ContentType=content_type)

    def presigned_get(self, key: str, file_name: str, content_type: str, expires_in: timedelta) -> str:
        disposition = f"attachment; filename*=UTF-8''{quote(file_name, safe='')}"
        return self.client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.bucket,
                "Key": key,
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
            },
            ExpiresIn=int(expires_in.total_seconds()),
        )


# GuardDuty Malware Protection for S3 tags each scanned object with this key; its values -> verdict.
GUARDDUTY_TAG = "GuardDutyMalwareScanStatus"
GUARDDUTY_CLEAN = "NO_THREATS_FOUND"
GUARDDUTY_INFECTED = "THREATS_FOUND"


class GuardDutyVerdicts:
    """The scanner in AWS: GuardDuty scans every new object under documents/ and tags it. At completion the
    tag is usually not there yet (None: pending); the scan-result function reports it when it comes."""

    def __init__(self, objects: S3Objects) -> None:
        self.objects = objects

    def scan(self, key: str, body: bytes):
        from portal.documents.model import Verdict

        tags = self.objects._call("get_object_tagging", Key=key).get("TagSet", [])
        status = next((t["Value"] for t in tags if t["Key"] == GUARDDUTY_TAG), None)
        if status is None:
            return None
        if status == GUARDDUTY_CLEAN:
            return Verdict(clean=True)
        return Verdict(clean=False, reason="GuardDuty" if status == GUARDDUTY_INFECTED else "unreadable")
