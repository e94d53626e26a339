"""After `sam deploy`: seed the stack's tables with the reference data, upload the static site, and
invalidate CloudFront's cache. Everything is read from the stack's outputs."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from pathlib import Path

import boto3

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"


def stack_outputs(stack_name: str, region: str) -> dict[str, str]:
    stack = boto3.client("cloudformation", region_name=region).describe_stacks(StackName=stack_name)["Stacks"][0]
    return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}


def site_config(body: bytes, app_token_url: str | None) -> bytes:
    """config.json as deployed: apps take tokens from the stack's Cognito domain (AppTokenUrl) when it has one."""
    if not app_token_url:
        return body
    return json.dumps({**json.loads(body), "clientToken": app_token_url}, ensure_ascii=False, indent=2).encode()


def upload_site(bucket: str, region: str, app_token_url: str | None = None) -> int:
    """The same bytes and Cache-Control the local server sends (infra/site_build.py): versioned modules
    for a year, index.html and config.json revalidated."""
    from infra.site_build import build_site

    s3 = boto3.client("s3", region_name=region)
    count = 0
    for key, file in build_site(FRONTEND).items():
        if key == "/":
            continue
        s3.put_object(
            Bucket=bucket,
            Key=key.lstrip("/"),
            Body=site_config(file.body, app_token_url) if key == "/config.json" else file.body,
            ContentType=file.content_type,
            CacheControl=file.cache_control,
        )
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config-env", default="staging")
    args = parser.parse_args(argv)
    config = tomllib.loads((ROOT / "infra" / "samconfig.toml").read_text())[args.config_env]["global"]["parameters"]
    outputs = stack_outputs(config["stack_name"], config["region"])
    os.environ.update(
        AWS_REGION=config["region"],
        PROCEDURES_TABLE=outputs["ProceduresTableName"],
        CENTERS_TABLE=outputs["CentersTableName"],
        DOSSIERS_TABLE=outputs["DossiersTableName"],
    )
    from infra.seed import seed_reference_data  # after the environment names the stack's tables

    report = seed_reference_data()
    print(f"seeded {report.procedures} procedures and {report.centers} centers in {report.seconds}s")
    print(f"uploaded {upload_site(outputs['SiteBucketName'], config['region'], outputs.get('AppTokenUrl'))} files")
    boto3.client("cloudfront").create_invalidation(
        DistributionId=outputs["DistributionId"],
        InvalidationBatch={"Paths": {"Quantity": 1, "Items": ["/*"]}, "CallerReference": str(os.getpid())},
    )
    print(f"the portal: {outputs['SiteUrl']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
