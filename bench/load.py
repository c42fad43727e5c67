"""HTTP load with wrk (same client, same settings for every server) and server processes."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.common import OUT, PY, ROOT, free_port, peak_rss_mb, wait_http

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Result:
    rps: float
    p50: float  # ms
    p99: float  # ms
    requests: int
    errors: int  # non-2xx/3xx plus socket errors


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def _ms(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if m is None:
        raise ValueError(value)
    return float(m.group(1)) * UNITS[m.group(2)]


def _found(pattern: str, output: str) -> str:
    """The first group of `pattern` in wrk's output (which always prints these lines)."""
    m = re.search(pattern, output)
    if m is None:
        raise ValueError(f"no {pattern!r} in wrk's output:\n{output}")
    return m.group(1)


def parse_wrk(output: str) -> Result:
    rps = float(_found(r"Requests/sec:\s+([\d.]+)", output))
    p50 = _ms(_found(r"\s50%\s+(\S+)", output))
    p99 = _ms(_found(r"\s99%\s+(\S+)", output))
    requests = int(_found(r"(\d+) requests in", output))
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        errors += int(m.group(1))
    if m := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(g) for g in m.groups())
    return Result(rps, p50, p99, requests, errors)


def _lua(paths: Sequence[str]) -> Path:
    """A wrk script cycling through `paths` (each wrk thread starts at a different place)."""
    OUT.mkdir(parents=True, exist_ok=True)
    quoted = ",\n".join('  "' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    script = OUT / f"paths-{abs(hash(tuple(paths))):x}.lua"
    script.write_text(
        "local paths = {\n" + quoted + "\n}\n"
        "local i = 0\n"
        "local counter = 0\n"
        "function setup(thread)\n  counter = counter + 1\n"
        "  thread:set('i', counter * 7)\nend\n"
        "function request()\n  i = i + 1\n"
        "  return wrk.format(nil, paths[(i % #paths) + 1])\nend\n"
    )
    return script


def wrk(
    base: str, paths: Sequence[str], *, seconds: float, connections: int, threads: int = 2
) -> Result:
    """Load `base` cycling over `paths` for `seconds`; wrk's latency percentiles and req/s."""
    threads = min(threads, connections)
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "-s",
        str(_lua(paths)),
        base + paths[0],
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=seconds + 60)
    return parse_wrk(out.stdout)


@dataclass
class Server:
    name: str
    base: str
    process: subprocess.Popen

    @property
    def peak_rss_mb(self) -> float | None:
        return peak_rss_mb(self.process.pid)


@contextmanager
def serve(name: str, argv: list[str], *, env: dict[str, str], ready: str) -> Iterator[Server]:
    """Run a server (argv may use {port}) until the block ends; waits for GET `ready`."""
    port = free_port()
    argv = [a.replace("{port}", str(port)) for a in argv]
    log = open(OUT / f"{name}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_http(base + ready, timeout=120)
        except OSError as exc:
            raise RuntimeError(f"{name} did not start; see {log.name}") from exc
        yield Server(name, base, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def uvicorn_argv(app: str, *, factory: bool = False) -> list[str]:
    """One uvicorn worker with uvloop and httptools, as `python -m app serve` runs it."""
    argv = [PY, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", "{port}", "--workers", "1"]
    argv += ["--loop", "uvloop", "--http", "httptools", "--log-level", "warning"]
    return [*argv, "--factory"] if factory else argv


def datasette_argv(db: Path, metadata: Path | None = None) -> list[str]:
    extra = ["--metadata", str(metadata)] if metadata is not None else []
    return [
        PY,
        "-m",
        "datasette",
        "serve",
        str(db),
        *extra,
        "--host",
        "127.0.0.1",
        "--port",
        "{port}",
        "--setting",
        "suggest_facets",
        "off",
        "--setting",
        "default_facet_size",
        "0",
    ]
