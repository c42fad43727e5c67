"""Bulk ingest: `python -m app ingest PATH...` over .txt files, directories and .jsonl files.

Texts already stored (by content hash) and repeats within the run are skipped *before*
annotating; the rest go through `annotate_many` (spaCy `nlp.pipe` batching, optional worker
processes) and are stored one transaction each with `store_article`, by a writer thread
while the next texts are annotated. A bad input (unreadable file, invalid UTF-8 or JSON,
empty text, annotator or database error) is recorded with its reason and the run goes on.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, select
from sqlmodel import Session, col
from tqdm import tqdm  # type: ignore[import-untyped]

from app import annotate as annotator
from app.core.text import text_problem
from app.ingest import ArticleFields, content_hash, store_article
from app.models import Article

CHECK_BATCH = 256  # inputs hashed and looked up in the database at a time
WRITE_QUEUE = 64  # annotated articles waiting for the writer thread, at most
TEXT_FIELDS = ("title", "source", "url")


@dataclass(slots=True)
class Item:
    label: str  # file path, or path:line for JSON Lines
    text: str | None = None
    fields: ArticleFields = field(default_factory=ArticleFields)
    error: str | None = None


@dataclass(slots=True)
class Summary:
    new: int = 0
    already_stored: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def inputs(self) -> int:
        return self.new + self.already_stored + self.duplicates + len(self.failed)


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def _read_text(path: Path) -> Item:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Item(str(path), error=f"cannot read: {exc.strerror or exc}")
    try:
        return Item(str(path), text=raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Item(str(path), error=f"not valid UTF-8 (byte {exc.start})")


def _jsonl_item(label: str, line: str) -> Item:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return Item(label, error=f"invalid JSON: {exc}"[:200])
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return Item(label, error='expected an object with a "text" string')
    values: dict[str, object] = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return Item(label, error=f'"{name}" must be a string')
        values[name] = value
    published = record.get("published")
    if published is not None:
        try:
            values["published"] = date.fromisoformat(str(published)[:10])
        except ValueError:
            return Item(label, error=f'"published" is not a date: {published!r}'[:200])
    return Item(label, text=record["text"], fields=ArticleFields(**values))  # type: ignore[arg-type]


def _read_jsonl(path: Path) -> Iterator[Item]:
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                label = f"{path}:{number}"
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield Item(label, error=f"not valid UTF-8 (byte {exc.start})")
                    continue
                yield _jsonl_item(label, line)
    except OSError as exc:
        yield Item(str(path), error=f"cannot read: {exc.strerror or exc}")


def discover(paths: Iterable[Path]) -> Iterator[Item]:
    """Every input named by `paths`, read lazily, in a stable order."""
    for path in _files(paths):
        if not path.exists():
            yield Item(str(path), error="no such file or directory")
        elif path.suffix == ".jsonl":
            yield from _read_jsonl(path)
        else:
            yield _read_text(path)


def count_inputs(paths: Iterable[Path]) -> int:
    total = 0
    for path in _files(paths):
        if path.suffix == ".jsonl" and path.is_file():
            try:
                with path.open("rb") as handle:
                    total += sum(1 for raw in handle if raw.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def stored_hashes(engine: Engine, hashes: list[str]) -> set[str]:
    if not hashes:
        return set()
    with Session(engine) as session:
        column = col(Article.content_hash)
        rows = session.execute(select(column).where(column.in_(hashes)))
        return set(rows.scalars())


def ingest_paths(
    engine: Engine,
    paths: Iterable[Path],
    *,
    workers: int = 1,
    batch_size: int = 16,
    max_bytes: int = 2_000_000,
    progress: bool = True,
) -> Summary:
    """Ingest every input under `paths`; idempotent. Returns what happened to each input."""
    run = _Run(engine, list(paths), max_bytes=max_bytes, progress=progress)
    try:
        run.annotate_and_store(workers=workers, batch_size=batch_size)
    finally:
        run.bar.close()
    run.summary.seconds = time.perf_counter() - run.started
    return run.summary


class _Writer:
    """Stores annotated articles in a thread of its own, in the order they are handed over,
    while the next texts are annotated: SQLite's work and the parser's overlap. A bounded
    queue keeps memory flat when writing is the slower side."""

    def __init__(self, store: Callable[[Item, annotator.AnnotatedArticle], None]):
        self.queue: queue.Queue[tuple[Item, annotator.AnnotatedArticle] | None] = queue.Queue(
            maxsize=WRITE_QUEUE
        )
        self.thread = threading.Thread(target=self._loop, args=(store,), name="ingest-writer")
        self.thread.start()

    def _loop(self, store: Callable[[Item, annotator.AnnotatedArticle], None]) -> None:
        while (job := self.queue.get()) is not None:
            store(*job)

    def put(self, item: Item, annotation: annotator.AnnotatedArticle) -> None:
        while True:
            try:
                self.queue.put((item, annotation), timeout=1.0)
                return
            except queue.Full:
                if not self.thread.is_alive():
                    raise RuntimeError("the ingest writer thread stopped") from None

    def close(self) -> None:
        """Store what is queued, then stop."""
        self.queue.put(None)
        self.thread.join()


class _Run:
    """One bulk ingest: the inputs still to annotate wait in `pending`, in order."""

    def __init__(self, engine: Engine, paths: list[Path], *, max_bytes: int, progress: bool):
        self.engine, self.paths, self.max_bytes = engine, paths, max_bytes
        self.summary = Summary()
        self.started = time.perf_counter()
        self.bar = tqdm(
            total=count_inputs(paths), unit=" articles", disable=not progress, dynamic_ncols=True
        )
        self.seen: set[str] = set()
        self.pending: deque[Item] = deque()
        self.lock = threading.Lock()  # the summary and the bar: the writer thread's too

    def count(self, outcome: Literal["new", "already_stored", "duplicates"]) -> None:
        """One input done: `outcome` is the Summary counter it adds to."""
        with self.lock:
            setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)
            self._shown()

    def _shown(self) -> None:
        s = self.summary
        self.bar.update(1)
        self.bar.set_postfix(
            new=s.new,
            stored=s.already_stored,
            dup=s.duplicates,
            failed=len(s.failed),
            refresh=False,
        )

    def fail(self, item: Item, reason: str) -> None:
        with self.lock:
            self.summary.failed.append((item.label, reason))
            self._shown()

    def new_texts(self) -> Iterator[str]:
        """New texts only (checked, not stored yet, not repeated); their items wait in
        `pending` in the same order."""
        inputs = discover(self.paths)
        while chunk := list(islice(inputs, CHECK_BATCH)):
            yield from self._screen(chunk)

    def _screen(self, chunk: list[Item]) -> Iterator[str]:
        for item in chunk:
            if item.error is None:
                problem = text_problem(item.text or "", max_bytes=self.max_bytes)
                item.error = problem.message if problem else None
        hashes = {id(i): content_hash(i.text) for i in chunk if i.error is None and i.text}
        stored = stored_hashes(self.engine, list(set(hashes.values())))
        for item in chunk:
            if item.error is not None:
                self.fail(item, item.error)
            elif hashes[id(item)] in self.seen:
                self.count("duplicates")
            elif hashes[id(item)] in stored:
                self.seen.add(hashes[id(item)])
                self.count("already_stored")
            else:
                self.seen.add(hashes[id(item)])
                self.pending.append(item)
                yield item.text or ""

    def store(self, item: Item, annotation: annotator.AnnotatedArticle) -> None:
        try:
            _, created = store_article(
                self.engine, text=item.text or "", annotation=annotation, fields=item.fields
            )
        except Exception as exc:
            self.fail(item, f"storing failed: {exc.__class__.__name__}: {exc}"[:300])
            return
        self.count("new" if created else "already_stored")

    def annotate_and_store(self, *, workers: int, batch_size: int) -> None:
        writer = _Writer(self.store)
        try:
            self._annotate(writer, workers=workers, batch_size=batch_size)
        finally:
            writer.close()

    def _annotate(self, writer: _Writer, *, workers: int, batch_size: int) -> None:
        texts = self.new_texts()
        while True:
            try:
                for annotation in annotator.annotate_many(
                    texts, batch_size=batch_size, n_process=workers
                ):
                    writer.put(self.pending.popleft(), annotation)
                return
            except Exception:
                if not self.pending:  # not an annotation failure (reading, database): give up
                    raise
                self._one_by_one(writer)

    def _one_by_one(self, writer: _Writer) -> None:
        """An annotation failed somewhere in the texts handed over but not yet returned: redo
        them one by one to find the culprit; the caller then carries on with a fresh batch
        pipeline."""
        while self.pending:
            item = self.pending.popleft()
            try:
                annotation = annotator.annotate(item.text or "")
            except Exception as exc:
                self.fail(item, f"annotation failed: {exc.__class__.__name__}: {exc}"[:300])
                continue
            writer.put(item, annotation)


def format_summary(summary: Summary) -> str:
    rate = summary.new / summary.seconds if summary.seconds else 0.0
    lines = [
        f"{summary.inputs} inputs in {summary.seconds:.1f} s ({rate:.1f} new articles/s)",
        f"  new:                {summary.new}",
        f"  already stored:     {summary.already_stored}",
        f"  duplicate in run:   {summary.duplicates}",
        f"  failed:             {len(summary.failed)}",
    ]
    lines += [f"    {label}: {reason}" for label, reason in summary.failed]
    return "\n".join(lines)
