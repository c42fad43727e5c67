"""Timelines, `about`, range counts, sources and quotation statistics over real HTTP, each
checked against a recount in Python from the stored articles (GET /export/articles.jsonl)."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections import Counter, defaultdict
from datetime import date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.analytics_counts import next_start, period_start
from tests.analytics_corpus import exported, store_random

INTERVALS = ("day", "week", "month", "year")


@pytest.fixture
def articles(client: TestClient) -> list[dict]:
    store_random(client.app.state.engine, seed=11, count=40)  # type: ignore[attr-defined]
    return exported(client)


def _seen(a: dict) -> date:
    if a["published"]:
        return date.fromisoformat(a["published"])
    return datetime.fromisoformat(a["ingested_at"].replace("Z", "+00:00")).date()


def _entities(a: dict) -> list[dict]:
    return a["people"] + a["organisations"]


def _problem(response: object, status: int = 422) -> None:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/problem+json")  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------ timelines


def test_entity_timelines_add_up_to_the_entity_counts(
    client: TestClient, articles: list[dict]
) -> None:
    for plural in ("people", "organisations"):
        for entity in client.get(f"/{plural}", params={"limit": 100}).json()["items"]:
            for interval in INTERVALS:
                body = client.get(
                    f"/{plural}/{entity['id']}/timeline", params={"interval": interval}
                ).json()
                assert body["entity"]["id"] == entity["id"] and body["interval"] == interval
                buckets = body["buckets"]
                totals = [
                    sum(b[k] for b in buckets) for k in ("articles", "mentions", "quotations")
                ]
                expected = [
                    entity[k] for k in ("article_count", "mention_count", "quotation_count")
                ]
                assert totals == expected, (entity["name"], interval)
                starts = [date.fromisoformat(b["start"]) for b in buckets]
                for a, b in itertools.pairwise(starts):  # no gaps: zeros are listed
                    assert b == next_start(a, interval)  # type: ignore[arg-type]


def test_entity_timeline_counts_exactly_the_days_asked(
    client: TestClient, articles: list[dict]
) -> None:
    person = client.get("/people", params={"sort": "-articles"}).json()["items"][0]
    start, end = date(2024, 1, 15), date(2024, 6, 10)
    expected: dict[str, Counter[str]] = defaultdict(Counter)
    for a in articles:
        day = _seen(a)
        for e in a["people"]:
            if e["id"] == person["id"] and start <= day <= end:
                month = f"{day:%Y-%m}"
                expected[month].update(
                    articles=1, mentions=e["mention_count"], quotations=e["quotation_count"]
                )
    body = client.get(
        f"/people/{person['id']}/timeline",
        params={"from": start.isoformat(), "to": end.isoformat()},
    ).json()
    assert (body["from"], body["to"]) == (start.isoformat(), end.isoformat())
    assert [b["period"] for b in body["buckets"]] == [f"2024-{m:02d}" for m in range(1, 7)]
    assert body["buckets"][0]["start"] == "2024-01-01"
    for b in body["buckets"]:
        got = {k: b[k] for k in ("articles", "mentions", "quotations")}
        assert got == {k: expected[b["period"]][k] for k in got}, b["period"]
    week = client.get(
        f"/people/{person['id']}/timeline", params={"interval": "week", "from": "2024-01-03"}
    ).json()
    assert week["buckets"][0]["period"] == "2024-W01"
    assert week["buckets"][0]["start"] == "2024-01-01"  # the Monday


def test_empty_ranges_give_zero_buckets(client: TestClient, articles: list[dict]) -> None:
    person = client.get("/people").json()["items"][0]["id"]
    body = client.get(
        f"/people/{person}/timeline", params={"from": "2030-01-01", "to": "2030-03-31"}
    ).json()
    assert [(b["period"], b["articles"], b["mentions"]) for b in body["buckets"]] == [
        ("2030-01", 0, 0),
        ("2030-02", 0, 0),
        ("2030-03", 0, 0),
    ]
    corpus = client.get("/timeline", params={"from": "1999-12-30", "to": "2000-01-02"}).json()
    assert [b["period"] for b in corpus["buckets"]] == ["1999-12", "2000-01"]
    assert all(b["articles"] == b["people"] == b["quotations"] == 0 for b in corpus["buckets"])


def test_corpus_on_an_empty_database(client: TestClient) -> None:
    body = client.get("/timeline").json()
    assert body["buckets"] == [] and body["interval"] == "month"
    assert client.get("/stats/quotations", params={"group_by": "kind"}).json()["total"] == 0
    assert client.get("/sources").json() == {
        "items": [],
        "total": 0,
        "limit": 20,
        "offset": 0,
        "next_cursor": None,
    }


def test_bad_timeline_requests_are_422_problems(client: TestClient, articles: list[dict]) -> None:
    person = client.get("/people").json()["items"][0]["id"]
    organisation = client.get("/organisations").json()["items"][0]["id"]
    for params in (
        {"from": "2024-13-01"},
        {"to": "yesterday"},
        {"from": "2024-03-01", "to": "2024-02-01"},
        {"interval": "hour"},
        {"interval": "day", "from": "1900-01-01", "to": "2030-01-01"},  # 47,000 days
    ):
        _problem(client.get(f"/people/{person}/timeline", params=params))
        _problem(client.get("/timeline", params=params))
    _problem(client.get("/people/999999/timeline"), 404)
    _problem(client.get(f"/organisations/{person}/timeline"), 404)  # a person
    assert client.get(f"/organisations/{organisation}/timeline").status_code == 200


def _corpus_expected(
    articles: list[dict], interval: str, start: date, end: date
) -> dict[str, tuple[int, int, int]]:
    found: dict[str, list] = defaultdict(lambda: [0, 0, set()])
    for a in articles:
        day = _seen(a)
        if start <= day <= end:
            key = period_start(day, interval).isoformat()  # type: ignore[arg-type]
            found[key][0] += 1
            found[key][1] += len(a["quotations"])
            found[key][2].update(p["id"] for p in a["people"])
    return {k: (v[0], v[1], len(v[2])) for k, v in found.items()}


def test_corpus_timeline_equals_a_recount(client: TestClient, articles: list[dict]) -> None:
    days = sorted(_seen(a) for a in articles)
    ranges = [
        (None, None, days[0], days[-1]),
        ("2024-01-10", "2024-02-20", date(2024, 1, 10), date(2024, 2, 20)),  # cuts periods
        ("2024-02-01", None, date(2024, 2, 1), days[-1]),
    ]
    for interval in INTERVALS:
        for start, end, first, last in ranges:
            params = {"interval": interval, "from": start, "to": end}
            body = client.get("/timeline", params={k: v for k, v in params.items() if v}).json()
            got = {
                b["start"]: (b["articles"], b["quotations"], b["people"])
                for b in body["buckets"]
                if b["articles"]
            }
            assert got == _corpus_expected(articles, interval, first, last), (interval, start)
            assert sum(b["articles"] for b in body["buckets"]) == sum(
                1 for d in days if first <= d <= last
            )


# ------------------------------------------------------------------------------ about


def _holds(quotation: dict, mention: dict) -> bool:
    return any(s <= mention["start"] and mention["end"] <= e for s, e in quotation["spans"])


def _about(articles: list[dict], entity_id: int) -> set[int]:
    return {
        q["id"]
        for a in articles
        for q in a["quotations"]
        if any(m["entity_id"] == entity_id and _holds(q, m) for m in a["mentions"])
    }


def _all_ids(client: TestClient, params: dict) -> tuple[list[int], int]:
    ids: list[int] = []
    total = None
    while True:
        page = client.get("/quotations", params={**params, "limit": 7, "offset": len(ids)}).json()
        total = page["total"]
        ids += [q["id"] for q in page["items"]]
        if not page["items"]:
            return ids, total


def test_about_lists_the_quotations_whose_spans_mention_the_entity(
    client: TestClient, articles: list[dict]
) -> None:
    between = 0  # mixed quotations whose speaker is named between their two spans
    for a in articles:
        for q in a["quotations"]:
            if len(q["spans"]) == 2 and q["speaker"] and q["speaker"]["id"] is not None:
                (_, gap_start), (gap_end, _) = q["spans"]
                between += any(
                    m["entity_id"] == q["speaker"]["id"] and gap_start <= m["start"] < gap_end
                    for m in a["mentions"]
                )
    assert between > 3
    entities = [e for a in articles for e in _entities(a)]
    for entity_id in sorted({e["id"] for e in entities}):
        expected = _about(articles, entity_id)
        ids, total = _all_ids(client, {"about": entity_id})
        assert ids == sorted(expected) and total == len(expected), entity_id
    assert any(_about(articles, e["id"]) for e in entities)


def test_about_combines_with_the_other_filters_and_the_exports(
    client: TestClient, articles: list[dict]
) -> None:
    by_id = {q["id"]: q for a in articles for q in a["quotations"]}
    people = [p["id"] for p in client.get("/people", params={"limit": 100}).json()["items"]]
    checked = 0
    for about in people:
        for speaker in people:
            expected = {
                i
                for i in _about(articles, about)
                if (by_id[i]["speaker"] or {}).get("id") == speaker
            }
            ids, total = _all_ids(client, {"about": about, "speaker": speaker})
            assert ids == sorted(expected) and total == len(expected)
            checked += bool(expected)
    assert checked > 2  # some "what X said about Y" exist
    about = max(people, key=lambda p: len(_about(articles, p)))
    ordered = sorted(_about(articles, about))
    jsonl = client.get("/export/quotations.jsonl", params={"about": about}).text.splitlines()
    assert [json.loads(line)["id"] for line in jsonl] == ordered
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/export/quotations.csv", params={"about": about}).text)
        )
    )
    assert [int(r["id"]) for r in rows] == ordered
    dated = {
        q["id"]
        for a in articles
        if a["published"] and a["published"] >= "2024-02-01"
        for q in a["quotations"]
    }
    ids, _ = _all_ids(client, {"about": about, "published_from": "2024-02-01"})
    assert ids == sorted(set(ordered) & dated)
    page = client.get("/quotations", params={"about": about, "limit": 2}).json()
    after = client.get("/quotations", params={"about": about, "after": page["next_cursor"]})
    assert [q["id"] for q in after.json()["items"]] == ordered[2:22]
    _problem(client.get("/quotations", params={"about": 0}))


# ------------------------------------------------------------------------------ ranges


def _range_expected(articles: list[dict], kind: str, start: str | None, end: str | None) -> dict:
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for a in articles:
        p = a["published"]
        if p is None or (start and p < start) or (end and p > end):
            continue
        for e in a["people" if kind == "person" else "organisations"]:
            counts[e["id"]].update(
                article_count=1,
                mention_count=e["mention_count"],
                quotation_count=e["quotation_count"],
            )
    return counts


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2024-02-01", "2024-02-29"),
        ("2024-01-05", "2024-02-10"),
        ("2024-02-01", None),
        (None, "2024-01-31"),
    ],
)
def test_range_counts_and_sorts_equal_a_recount(
    client: TestClient, articles: list[dict], start: str | None, end: str | None
) -> None:
    for plural, kind in (("people", "person"), ("organisations", "organisation")):
        expected = _range_expected(articles, kind, start, end)
        assert expected
        for sort, key in (
            ("-quotations", "quotation_count"),
            ("-mentions", "mention_count"),
            ("-articles", "article_count"),
            ("name", None),
        ):
            params = {"sort": sort, "published_from": start, "published_to": end, "limit": 3}
            params = {k: v for k, v in params.items() if v}
            items: list[dict[str, Any]] = []
            total = None
            while True:
                page = client.get(f"/{plural}", params={**params, "offset": len(items)}).json()
                total = page["total"]
                items += page["items"]
                if not page["items"]:
                    break
            assert total == len(expected) == len(items)
            for item in items:
                got = {k: item[k] for k in ("article_count", "mention_count", "quotation_count")}
                assert got == dict(expected[item["id"]]), item["name"]
            if key:
                assert [(-i[key], i["id"]) for i in items] == sorted(
                    (-i[key], i["id"]) for i in items
                )
            else:
                assert [i["name"] for i in items] == sorted(i["name"] for i in items)


def test_range_counts_combine_with_name_and_reject_bad_ranges(
    client: TestClient, articles: list[dict]
) -> None:
    params = {"published_from": "2024-01-01", "published_to": "2024-12-31"}
    named = client.get("/people", params={**params, "q": "person a"}).json()
    assert [p["name"] for p in named["items"]] == ["Person A"]
    _problem(
        client.get("/people", params={"published_from": "2024-03-01", "published_to": "2024-01-01"})
    )
    _problem(client.get("/organisations", params={"published_from": "March"}))
    empty = client.get("/people", params={"published_from": "2030-01-01"}).json()
    assert (empty["items"], empty["total"]) == ([], 0)


# ------------------------------------------------------------------------------ sources and stats


def _group(q: dict) -> str:
    speaker = q["speaker"]
    if speaker is None:
        return "unattributed"
    return "unnamed" if speaker["named"] is False else speaker["type"]


def _stats_expected(
    articles: list[dict], by: str, start: str | None = None, source: str | None = None
) -> Counter:
    counts: Counter = Counter()
    for a in articles:
        if start and (a["published"] is None or a["published"] < start):
            continue
        if source and a["source"] != source:
            continue
        for q in a["quotations"]:
            key = {
                "source": a["source"],
                "kind": q["kind"],
                "speaker_type": _group(q),
                "month": f"{_seen(a):%Y-%m}",
            }[by]
            counts[key] += 1
    return counts


def test_quotation_stats_equal_a_recount(client: TestClient, articles: list[dict]) -> None:
    for by in ("source", "speaker_type", "kind", "month"):
        for start, source in (
            (None, None),
            ("2024-02-01", None),
            (None, "Gazette"),
            ("2024-01-15", "Herald"),
        ):
            params = {"group_by": by, "published_from": start, "source": source}
            body = client.get(
                "/stats/quotations", params={k: v for k, v in params.items() if v}
            ).json()
            expected = _stats_expected(articles, by, start, source)
            got = {g["key"]: g["quotations"] for g in body["groups"] if g["quotations"]}
            assert got == dict(expected), (by, start, source)
            assert body["total"] == sum(expected.values())
            assert abs(sum(g["share"] for g in body["groups"]) - 1) < 0.01
            if by == "speaker_type":
                assert [g["key"] for g in body["groups"]] == [
                    "person",
                    "organisation",
                    "other",
                    "unnamed",
                    "unattributed",
                ]
            if by == "month" and start is None and source is None:
                months = [g["key"] for g in body["groups"]]
                assert months == sorted(months) and len(months) == len(set(months))
    unnamed = client.get("/stats/quotations", params={"group_by": "speaker_type"}).json()
    assert next(g for g in unnamed["groups"] if g["key"] == "unnamed")["quotations"] > 0


def test_months_are_listed_without_gaps(client: TestClient, articles: list[dict]) -> None:
    body = client.get(
        "/stats/quotations",
        params={"group_by": "month", "published_from": "2023-11-15", "published_to": "2024-03-02"},
    ).json()
    assert [g["key"] for g in body["groups"]] == [
        "2023-11",
        "2023-12",
        "2024-01",
        "2024-02",
        "2024-03",
    ]
    assert body["groups"][0]["quotations"] == 0 and body["groups"][0]["share"] == 0


def test_bad_stats_requests_are_422_problems(client: TestClient) -> None:
    _problem(client.get("/stats/quotations"))
    _problem(client.get("/stats/quotations", params={"group_by": "colour"}))
    _problem(
        client.get("/stats/quotations", params={"group_by": "kind", "published_from": "2024-02-30"})
    )
    _problem(
        client.get(
            "/stats/quotations",
            params={
                "group_by": "kind",
                "published_from": "2024-03-01",
                "published_to": "2024-01-01",
            },
        )
    )
    _problem(client.get("/sources", params={"sort": "size"}))
    _problem(
        client.get(
            "/sources", params={"published_from": "2024-03-01", "published_to": "2024-01-01"}
        )
    )


def test_sources_equal_a_recount(client: TestClient, articles: list[dict]) -> None:
    for start in (None, "2024-02-01"):
        expected: dict = defaultdict(Counter)
        for a in articles:
            if start and (a["published"] is None or a["published"] < start):
                continue
            expected[a["source"]].update(article_count=1, quotation_count=len(a["quotations"]))
        params = {"published_from": start} if start else {}
        body = client.get("/sources", params={**params, "limit": 100}).json()
        assert body["total"] == len(expected)
        got = {
            s["source"]: {k: s[k] for k in ("article_count", "quotation_count")}
            for s in body["items"]
        }
        assert got == {k: dict(v) for k, v in expected.items()}
        counts = [s["article_count"] for s in body["items"]]
        assert counts == sorted(counts, reverse=True)
        by_quotes = client.get("/sources", params={**params, "sort": "-quotations"}).json()["items"]
        quotes = [s["quotation_count"] for s in by_quotes]
        assert quotes == sorted(quotes, reverse=True)
    by_name = client.get("/sources", params={"sort": "name"}).json()["items"]
    assert [s["source"] for s in by_name] == [None, "Gazette", "Herald"]  # '' (none) first


def test_quotations_say_whether_their_speaker_is_named(
    client: TestClient, articles: list[dict]
) -> None:
    seen: Counter[Any] = Counter()
    for a in articles:
        for q in a["quotations"]:
            speaker = q["speaker"]
            label = speaker["name"] if speaker["id"] is None else "entity"
            expected = {"officials": False, "analysts": None, "a report": True, "entity": True}
            assert speaker["named"] is expected[label], q
            seen[label] += 1
    assert len(seen) == 4
    one = next(q for a in articles for q in a["quotations"] if q["speaker"]["name"] == "officials")
    assert client.get(f"/quotations/{one['id']}").json()["speaker"]["named"] is False
    rows = list(csv.DictReader(io.StringIO(client.get("/export/quotations.csv").text)))
    assert Counter(r["speaker_named"] for r in rows).keys() == {"true", "false", ""}
