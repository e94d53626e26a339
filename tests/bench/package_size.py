"""The deployment package, built exactly as `sam build` builds it (functions/Makefile), measured.

python -m tests.bench.package_size
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.figures import save

ROOT = Path(__file__).resolve().parents[2]
LAMBDA_UNZIPPED_LIMIT_MB = 250


def build(target: Path, platform: str = "manylinux2014_aarch64", compile_bytecode: bool = True) -> Path:
    """Run the function's build target into `target` (platform 'host' for wheels this machine can import)."""
    env = {**os.environ, "ARTIFACTS_DIR": str(target)}
    subprocess.run(
        [
            "make",
            "-s",
            "build-GraphQLFunction",
            f"PYTHON={sys.executable}",
            f"PLATFORM={platform}",
            f"ARTIFACTS_DIR={target}",
        ],
        cwd=ROOT / "functions",
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if not compile_bytecode:
        for cache in target.rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)
    return target


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        package = build(Path(tmp) / "package")
        unzipped = _size_mb(package)
        zipped = Path(shutil.make_archive(str(Path(tmp) / "package"), "zip", package)).stat().st_size / 1e6
        largest = sorted(((p.name, _size_mb(p)) for p in package.iterdir() if p.is_dir()), key=lambda x: -x[1])[:8]
    result = {
        "unzipped_mb": round(unzipped, 1),
        "zipped_mb": round(zipped, 1),
        "limit_unzipped_mb": LAMBDA_UNZIPPED_LIMIT_MB,
        "largest": {name: round(mb, 1) for name, mb in largest},
    }
    print("\nDeployment package (python3.11, arm64 wheels, precompiled bytecode)")
    limit = LAMBDA_UNZIPPED_LIMIT_MB
    print(f"  unzipped {result['unzipped_mb']} MB of Lambda's {limit} MB; zipped {result['zipped_mb']} MB")
    print("  largest: " + ", ".join(f"{n} {mb} MB" for n, mb in result["largest"].items()))
    save("package_size", result)
    return result


if __name__ == "__main__":
    run()
