"""The entity and statistics pages: escaped, self-contained (inline SVG charts, no script, no
external asset), the strict CSP, the links between pages and into the reader view; and the
same pages rendered by headless Chromium."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient

from tests.analytics_corpus import exported, store_random
from tests.test_reader import chromium, dump_dom, live_server  # noqa: F401 (fixtures)

BARS = re.compile(r'<rect class="bar"[^>]*><title>([^<]*)</title></rect>')


def _self_contained(response: object) -> str:
    assert response.status_code == 200  # type: ignore[attr-defined]
    headers = response.headers  # type: ignore[attr-defined]
    assert headers["content-type"].startswith("text/html")
    for directive in ("default-src 'none'", "style-src 'unsafe-inline'", "frame-ancestors 'none'"):
        assert directive in headers["content-security-policy"]
    html = response.text  # type: ignore[attr-defined]
    assert "<script" not in html.lower()
    assert "http://" not in html and "https://" not in html and " src=" not in html
    return html


def test_entity_page(client: TestClient, corpus: dict[str, int]) -> None:
    html = _self_contained(client.get(f"/people/{corpus['lopez']}/view"))
    assert "<h1>Maria López</h1>" in html
    assert "person · 2 articles · 3 mentions · 2 quotations" in html
    assert '<svg class="chart"' in html and 'role="img"' in html
    bars = BARS.findall(html)
    today = client.get(f"/articles/{corpus['a3']}").json()["ingested_at"][:7]  # a3: undated
    assert bars == [
        "2024-01: 1 article, 2 mentions, 1 quotation",
        f"{today}: 1 article, 1 mention, 1 quotation",
    ]
    assert "<li>María López</li>" in html and "<li>López</li>" in html  # aliases
    # latest first (a3 was stored today, after a1's publication), escaped, into the reader
    said = html.index("Latest quotations")
    assert html.index("&lt;script&gt;alert(1)&lt;/script&gt;", said) < html.index(
        "We are growing faster than expected", said
    )
    assert f'<a href="/articles/{corpus["a3"]}/view">López visits &lt;Globex&gt;</a>' in html
    assert f'class="organisation" href="/organisations/{corpus["acme"]}/view">Acme Widgets' in html
    assert f'href="/people/{corpus["lopez"]}/timeline"' in html
    organisation = _self_contained(client.get(f"/organisations/{corpus['globex']}/view"))
    assert "<h1>Globex Corp</h1>" in organisation and "No quotation attributed yet." in organisation
    for path in ("/people/999/view", f"/organisations/{corpus['lopez']}/view"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/problem+json")


def test_entity_page_shows_what_others_say_about_them(client: TestClient) -> None:
    store_random(client.app.state.engine, seed=21, count=30)  # type: ignore[attr-defined]
    articles = exported(client)
    person = client.get("/people", params={"sort": "-mentions"}).json()["items"][0]
    about = client.get("/quotations", params={"about": person["id"], "limit": 100}).json()
    others = [q for q in about["items"] if (q["speaker"] or {}).get("id") != person["id"]]
    assert others
    html = _self_contained(client.get(f"/people/{person['id']}/view"))
    section = html[html.index("What others say about them") : html.index("Named with")]
    shown = re.findall(r'<li data-quotation="(\d+)">', section)
    assert 0 < len(shown) <= 8 and set(map(int, shown)) <= {q["id"] for q in others}
    latest = max(q["published"] or "9999" for q in others)  # undated: stored today
    first = next(q for q in others if q["id"] == int(shown[0]))
    assert (first["published"] or "9999") == latest
    bars = BARS.findall(html)
    assert sum(int(t.split(": ")[1].split(" ")[0]) for t in bars) == person["article_count"]
    assert len(articles) == 30


def test_stats_page(client: TestClient) -> None:
    empty = _self_contained(client.get("/stats/view"))
    assert "nothing to show yet" in empty and "No articles yet." in empty
    store_random(client.app.state.engine, seed=22, count=30)  # type: ignore[attr-defined]
    html = _self_contained(client.get("/stats/view"))
    speakers = client.get("/stats/quotations", params={"group_by": "speaker_type"}).json()
    unnamed = next(g for g in speakers["groups"] if g["key"] == "unnamed")
    assert f"{unnamed['share']:.1%} from unnamed sources" in html
    assert f"<title>unnamed: {unnamed['quotations']} ({unnamed['share']:.1%})</title>" in html
    assert 'fill="#d9822b"' in html  # the unnamed row stands out
    timeline = client.get("/timeline").json()
    first_chart = html[: html.index("</svg>")]
    bars = BARS.findall(first_chart)
    assert len(bars) == sum(1 for b in timeline["buckets"] if b["articles"])
    assert bars[0].startswith(timeline["buckets"][0]["period"] + ": ")
    assert "<td>Gazette</td>" in html and "<td>(none)</td>" in html


def test_reader_links_entities_to_their_pages(client: TestClient, corpus: dict[str, int]) -> None:
    html = client.get(f"/articles/{corpus['a2']}/view").text
    for name, plural in (
        ("smith", "people"),
        ("acme", "organisations"),
        ("globex", "organisations"),
    ):
        href = f"/{plural}/{corpus[name]}/view"
        assert f'href="{href}"' in html
        assert client.get(href).status_code == 200


def test_pages_in_chromium(
    chromium: str,  # noqa: F811
    live_server: tuple[str, dict[str, int]],  # noqa: F811
) -> None:
    base, ids = live_server
    reader = dump_dom(chromium, f"{base}/articles/{ids['a1']}/view")
    person = re.search(r'class="person" href="(/people/\d+/view)"', reader)
    assert person is not None
    dom = dump_dom(chromium, base + person[1])
    assert "<svg" in dom and '<rect class="bar"' in dom
    assert "Latest quotations" in dom and "Named with" in dom
    assert "We are growing faster than expected" in unescape(dom)
    stats = dump_dom(chromium, f"{base}/stats/view")
    assert "<svg" in stats and "Who is quoted" in stats and "unattributed" in stats
