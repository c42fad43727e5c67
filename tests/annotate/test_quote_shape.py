"""Shape of the quotation and speaker steps: no function over 60 lines (issue 12, part 6).

``tests/test_shape.py`` still skips ``app/annotate`` as a whole (entities are being rewritten);
the quotation pipeline is held to the rule here, module by module.
"""

from __future__ import annotations

import pytest

from app.core.config import PROJECT_ROOT
from tests.test_shape import MAX_FUNCTION_LINES, long_functions

QUOTE_STEPS = (
    "quotes.py",
    "quote_index.py",
    "quotemarks.py",
    "reported.py",
    "cue_syntax.py",
    "cues.py",
    "according.py",
    "interviews.py",
    "continuation.py",
    "speakers.py",
    "documents.py",
    "acronyms.py",
    "epithets.py",
)


@pytest.mark.parametrize("name", QUOTE_STEPS)
def test_quote_step_functions_fit_on_a_screen(name: str) -> None:
    path = PROJECT_ROOT / "app" / "annotate" / name
    assert long_functions(path, MAX_FUNCTION_LINES) == []
