"""`make eval`: score the annotator through the real API on a throw-away database.

Starts the service on a temporary SQLite file, runs ../shared/eval/score.py against it for the
GGT dev half (when ../shared/benchmarks/ggt is present) and then for the seed gold, so the last
line printed is the seeds' summary line. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wait_for(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited early with status {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not answer {url} within {timeout:.0f}s")


def summary(output: str) -> str:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--no-ggt", action="store_true", help="score the seeds only")
    args = parser.parse_args()

    if args.port == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]
    shared = args.shared.resolve()
    score = shared / "eval" / "score.py"
    if not score.is_file():
        print(f"make eval: skipped, {score} is absent (the evaluation data lives in ../shared)")
        return 0

    with tempfile.TemporaryDirectory(prefix="annotated-news-eval-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/eval.db",
            "LOAD_SEEDS": "false",
            "LOG_LEVEL": "warning",
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "app.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(args.port),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        base = f"http://127.0.0.1:{args.port}"
        try:
            wait_for(f"{base}/health", server)
            ggt = shared / "benchmarks" / "ggt" / "dev.jsonl"
            ggt_line = None
            if ggt.is_file() and not args.no_ggt:
                gold, texts = Path(tmp) / "ggt-gold", Path(tmp) / "ggt-texts"
                subprocess.run(
                    [
                        sys.executable,
                        str(shared / "eval" / "ggt_to_gold.py"),
                        "--out",
                        str(gold),
                        "--texts-out",
                        str(texts),
                    ],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                result = subprocess.run(
                    [
                        sys.executable,
                        str(score),
                        "--base-url",
                        base,
                        "--gold",
                        str(gold),
                        "--texts",
                        str(texts),
                    ],
                    capture_output=True,
                    text=True,
                )
                print("== GGT dev half (49 articles) ==")
                print(result.stdout.rstrip())
                if result.returncode != 0:
                    print(result.stderr, file=sys.stderr)
                    return result.returncode
                ggt_line = summary(result.stdout)
            result = subprocess.run(
                [sys.executable, str(score), "--base-url", base], capture_output=True, text=True
            )
            print("== Seeds ==")
            if result.returncode != 0:
                print(result.stdout + result.stderr, file=sys.stderr)
                return result.returncode
            if ggt_line:
                print(result.stdout.rstrip().rsplit("\n", 1)[0])
                print(f"GGT dev half: {ggt_line}")
                print(summary(result.stdout))
            else:
                print(result.stdout.rstrip())
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
