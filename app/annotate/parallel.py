"""``annotate_many`` over several processes: each worker runs every step on a batch of texts
(clean, parse, entities, quotations), and only the annotations come back.

spaCy's own ``nlp.pipe(n_process=N)`` parallelises the parse alone; the cleaning before it
and the entity and quotation steps after it stayed in the calling process, which then held
up the workers (and shared their cores with storing). Here the caller only consumes
results, in input order. At most ``AHEAD`` batches per worker are in flight, so a long
input is read as it is consumed, never all at once. On Linux the workers are forked after
the model is loaded, so they share its memory instead of loading their own.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from app.annotate.types import AnnotatedArticle

AHEAD = 2  # batches in flight per worker


def _annotate_batch(texts: list[str]) -> list[AnnotatedArticle]:
    from app.annotate import annotate_many

    return list(annotate_many(texts, batch_size=len(texts)))


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def annotate_in_processes(
    texts: Iterable[str], *, batch_size: int, n_process: int
) -> Iterator[AnnotatedArticle]:
    """The annotations of `texts`, in order, from `n_process` worker processes. A failure
    in a worker is raised here, at the batch that failed."""
    from app.annotate.nlp import get_nlp

    get_nlp()  # loaded before the fork: the workers share it
    source = iter(texts)
    with _context().Pool(n_process) as pool:
        flight: deque[AsyncResult[list[AnnotatedArticle]]] = deque()
        while True:
            while len(flight) < AHEAD * n_process and (batch := list(islice(source, batch_size))):
                flight.append(pool.apply_async(_annotate_batch, (batch,)))
            if not flight:
                return
            yield from flight.popleft().get()
