"""Running workers: N processes from the command line (with a progress bar, SIGTERM handled),
or one thread inside the server (SQLite)."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from tqdm import tqdm  # type: ignore[import-untyped]

from app.annotate import get_nlp
from app.core.config import Settings
from app.core.db import get_engine, is_sqlite
from app.jobs import queue
from app.jobs.worker import WorkerConfig, run_worker


def worker_config(settings: Settings) -> WorkerConfig:
    return WorkerConfig(
        lease_seconds=settings.job_lease_seconds,
        max_attempts=settings.job_max_attempts,
        poll_seconds=settings.worker_poll_seconds,
    )


def stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM and SIGINT set `stop`: the current item is finished, then the loop ends."""

    def handler(_signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def _child(url: str, config: WorkerConfig, counter: Any, until_idle: bool, level: int) -> None:
    """One worker process (spawned: its own engine, spaCy and logging)."""
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    stop = threading.Event()
    stop_on_signals(stop)

    def count(_claimed: object, _outcome: str) -> None:
        with counter.get_lock():
            counter.value += 1

    get_nlp()  # the model loads now, not inside the first item's lease
    run_worker(get_engine(url), config, stop=stop, on_item=count, until_idle=until_idle)


def run_processes(
    settings: Settings,
    *,
    processes: int,
    progress: bool,
    until_idle: bool = False,
    total: int | None = None,
) -> int:
    """Run `processes` worker loops (one in this process when 1) until SIGTERM/SIGINT, or
    until no item is left with `until_idle`; returns the items they processed."""
    config = worker_config(settings)
    stop = threading.Event()
    stop_on_signals(stop)
    bar = tqdm(total=total, unit=" articles", disable=not progress, dynamic_ncols=True)
    try:
        if processes <= 1:
            get_nlp()
            engine = get_engine(settings.database_url)
            return run_worker(
                engine,
                config,
                stop=stop,
                on_item=_bar_update(bar),
                until_idle=until_idle,
            )
        return _spawn(settings.database_url, config, processes, stop, bar, until_idle)
    finally:
        bar.close()


def _bar_update(bar: tqdm) -> Callable[[object, str], None]:
    outcomes: dict[str, int] = {}

    def update(_claimed: object, outcome: str) -> None:
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        bar.update(1)
        bar.set_postfix(outcomes, refresh=False)

    return update


def _spawn(
    url: str,
    config: WorkerConfig,
    processes: int,
    stop: threading.Event,
    bar: tqdm,
    until_idle: bool,
) -> int:
    context = multiprocessing.get_context("spawn")
    counter = context.Value("q", 0)
    children = [
        context.Process(
            target=_child,
            args=(url, config, counter, until_idle, logging.getLogger().getEffectiveLevel()),
            daemon=False,
        )
        for _ in range(processes)
    ]
    for child in children:
        child.start()
    shown = 0
    while any(child.is_alive() for child in children):
        if stop.is_set():
            for child in children:
                if child.is_alive() and child.pid is not None:
                    _terminate(child.pid)
            stop.clear()  # forwarded once; now wait for them to finish their items
        time.sleep(0.2)
        with counter.get_lock():
            value = int(counter.value)
        if value != shown:
            bar.update(value - shown)
            shown = value
    for child in children:
        child.join()
    return shown


def _terminate(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)


# --- inside the server ---------------------------------------------------------------------


class ServerWorker:
    """One worker loop in a daemon thread of the server process (SQLite's embedded mode):
    `wake()` after a job is submitted; `stop()` on shutdown finishes the current item."""

    def __init__(self, settings: Settings) -> None:
        self.stop_event = threading.Event()
        self.wake_event = threading.Event()
        engine = get_engine(settings.database_url)
        self.thread = threading.Thread(
            target=run_worker,
            args=(engine, worker_config(settings)),
            kwargs={"stop": self.stop_event, "wake": self.wake_event},
            name="job-worker",
            daemon=True,
        )

    def start(self) -> None:
        self.thread.start()

    def wake(self) -> None:
        self.wake_event.set()

    def stop(self, timeout: float = 60.0) -> None:
        self.stop_event.set()
        self.wake_event.set()
        self.thread.join(timeout)


def wants_server_worker(settings: Settings) -> bool:
    if settings.worker_in_server == "auto":
        return is_sqlite(settings.database_url)
    return settings.worker_in_server == "on"


def wait_for_jobs(settings: Settings, job_ids: list[int], *, poll: float = 0.5) -> None:
    """Block until these jobs have no unfinished item. Other workers may hold some; an item
    whose worker died is taken here once its lease ends."""
    engine = get_engine(settings.database_url)
    config = worker_config(settings)
    stop = threading.Event()
    stop_on_signals(stop)
    while queue.pending(engine, job_ids) and not stop.is_set():
        run_worker(engine, config, stop=stop, until_idle=True)
        stop.wait(poll)
