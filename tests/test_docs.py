"""OpenAPI documentation works offline and documents every operation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.config import PROJECT_ROOT as ROOT
from app.core.config import Settings
from app.main import create_app
from scripts import doc_tables
from tests.conftest import make_settings

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)


def test_docs_pages_reference_no_external_host(client: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        response = client.get(path)
        assert response.status_code == 200
        html = response.text
        assert not EXTERNAL.search(html), path
        assert "http://" not in html and "https://" not in html, path
        for asset in re.findall(r"""(?:src|href)=["']([^"']+)["']""", html):
            assert client.get(asset).status_code == 200, asset


def test_every_operation_has_summary_tag_example_and_readable_id(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation_ids = set()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            where = f"{method.upper()} {path}"
            assert op.get("summary"), where
            assert not re.search(r"\ba [aeiou]", op["summary"], re.I), where  # "an organisation"
            assert op.get("tags"), where
            assert re.fullmatch(r"[a-z][a-z_]+", op["operationId"]), where
            operation_ids.add(op["operationId"])
            contents = [
                c for r in op["responses"].values() for c in r.get("content", {}).values()
            ] + list(op.get("requestBody", {}).get("content", {}).values())
            assert any("example" in c or "examples" in c for c in contents), where
    assert len(operation_ids) == sum(len(v) for v in spec["paths"].values())
    assert "ArticleIn" in spec["components"]["schemas"]


# --- the generated tables of docs/ ---------------------------------------------------


@pytest.mark.parametrize("name", sorted(doc_tables.TABLES))
def test_generated_table_is_up_to_date(name: str) -> None:
    path, _ = doc_tables.TABLES[name]
    document = path.read_text(encoding="utf-8")
    assert doc_tables.spliced(document, name) == document, (
        f"the {name} table in {path.name} is stale; run: python scripts/doc_tables.py"
    )


def test_every_setting_has_a_description() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description, f"Settings.{name} needs a description (docs/configuration.md)"


def test_doc_tables_script_updates_only_the_table(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    begin, end = doc_tables.markers("configuration")
    doc.write_text(f"intro\n{begin}\nold rows\n{end}\noutro\n", encoding="utf-8")
    script = str(ROOT / "scripts" / "doc_tables.py")
    subprocess.run(
        [sys.executable, script, "--table", "configuration", "--file", str(doc)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    table = doc_tables.render_configuration()
    assert doc.read_text(encoding="utf-8") == f"intro\n{begin}\n{table}{end}\noutro\n"
    assert "| `SEARCH_CACHE_SIZE` | `256` | ≥ 0 |" in table


def test_readme_is_short_and_links_every_doc() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    for doc in sorted((ROOT / "docs").glob("*.md")):
        assert f"docs/{doc.name}" in readme, doc.name


def test_article_text_schema_says_exactly_what_is_stored() -> None:
    """The pattern of ArticleText (the JSON `text` and the text/plain body) accepts a text
    exactly when the storage rule does (size aside), for every character there is."""
    from app.core.text import text_problem

    spec = create_app(make_settings("sqlite://")).openapi()
    text = spec["components"]["schemas"]["ArticleText"]
    pattern = re.compile(text["pattern"])
    samples = ["Acme said so.", "Ωμέγα", "º", "\U0001d400", "1234 !!! 5678", " \t\n", ""]
    samples += ["\u0301\u0308", "“”" * 3, "a\x00b", "\x00"]
    for sample in samples:
        stored = text_problem(sample, max_bytes=1_000_000) is None
        assert (pattern.search(sample) is not None) == stored, repr(sample)
    letter = re.compile(text["pattern"].removeprefix("^[^\\x00]*").removesuffix("[^\\x00]*$"))
    for code in range(sys.maxunicode + 1):
        assert bool(letter.fullmatch(chr(code))) == chr(code).isalpha(), hex(code)
