"""`make eval`: score the annotator through the real API on throw-away databases.

For each data set a fresh server is started on a temporary SQLite file and
../shared/eval/score.py runs against it:

- GGT dev half, fold A (article ids whose last hex digit is even) and fold B (odd): develop
  on A, check on B (when ../shared/benchmarks/ggt is present);
- the seed gold, last, so the last line printed is the seeds' summary line.

Each set gets its own database, so no fold sees another's articles. Skips with a message when
../shared is absent. `--only A|B|seeds` scores one set; `--report DIR` keeps each set's full
table (per-article misses, wrong speakers) in DIR/<set>.txt.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("A", "B", "seeds")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
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


@contextmanager
def server(tmp: Path, name: str) -> Iterator[str]:
    """A fresh API server on its own SQLite file; yields its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp}/{name}.db",
        "LOAD_SEEDS": "false",
        "LOG_LEVEL": "warning",
    }
    command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(command, cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/health", proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def summary(output: str) -> str:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def ggt_folds(shared: Path, tmp: Path) -> dict[str, tuple[Path, Path]]:
    """Convert the GGT dev half and split it by article id: {fold: (gold dir, texts dir)}."""
    gold, texts = tmp / "ggt-gold", tmp / "ggt-texts"
    convert = shared / "eval" / "ggt_to_gold.py"
    subprocess.run(
        [sys.executable, str(convert), "--out", str(gold), "--texts-out", str(texts)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    folds: dict[str, tuple[Path, Path]] = {}
    for fold, parity in (("A", 0), ("B", 1)):
        fold_gold, fold_texts = tmp / f"gold-{fold}", tmp / f"texts-{fold}"
        fold_gold.mkdir()
        fold_texts.mkdir()
        for path in sorted(gold.glob("*.json")):
            if int(path.stem[-1], 16) % 2 == parity:
                shutil.copy(path, fold_gold / path.name)
                shutil.copy(texts / f"{path.stem}.txt", fold_texts / f"{path.stem}.txt")
        folds[fold] = (fold_gold, fold_texts)
    return folds


def score(shared: Path, base: str, gold: Path | None, texts: Path | None) -> str:
    command = [sys.executable, str(shared / "eval" / "score.py"), "--base-url", base]
    if gold is not None and texts is not None:
        command += ["--gold", str(gold), "--texts", str(texts)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"score.py failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--only", choices=SETS, action="append", help="score only these sets")
    parser.add_argument("--report", type=Path, help="keep each set's full table in this dir")
    parser.add_argument("--quiet", action="store_true", help="print the summary lines only")
    args = parser.parse_args()

    shared = args.shared.resolve()
    if not (shared / "eval" / "score.py").is_file():
        print(f"make eval: skipped, {shared}/eval/score.py is absent (../shared holds the data)")
        return 0
    wanted = args.only or list(SETS)
    if not (shared / "benchmarks" / "ggt" / "dev.jsonl").is_file():
        wanted = [s for s in wanted if s == "seeds"]
    lines: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="annotated-news-eval-") as name:
        tmp = Path(name)
        folds = ggt_folds(shared, tmp) if {"A", "B"} & set(wanted) else {}
        for which in wanted:
            gold, texts = folds.get(which, (None, None))
            with server(tmp, which) as base:
                output = score(shared, base, gold, texts)
            if args.report:
                args.report.mkdir(parents=True, exist_ok=True)
                (args.report / f"{which}.txt").write_text(output)
            if not args.quiet:
                print(f"== {which} ==\n{output.rstrip()}\n")
            lines[which] = summary(output)
    labels = {"A": "GGT fold A", "B": "GGT fold B", "seeds": "Seeds"}
    for which, line in lines.items():
        print(f"{labels[which]}: {line}" if which != "seeds" else line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
