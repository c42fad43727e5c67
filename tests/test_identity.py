"""Entity identity and kind decided from the evidence of the whole corpus (app/store).

Hand-built annotations (no annotator), so each test knows what every article says. After
every write the integrity checks recount everything from the rows, and check that every
name sits where a fresh decision from the stored evidence puts it.
"""

from __future__ import annotations

import itertools
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text

from app.annotate.types import (
    AnnotatedArticle,
    Entity,
    KindVotes,
    Mention,
    Metadata,
    Paragraph,
    Quotation,
)
from app.core.db import dispose_engine, get_engine
from app.ingest import delete_article, store_article
from app.main import create_app
from tests.conftest import make_settings
from tests.support.integrity import assert_consistent

_counter = itertools.count()


def name(
    kind: str, display: str, *aliases: str, person: int = 0, org: int = 0, other: int = 0
) -> Entity:
    votes = KindVotes(person, org, other)
    return Entity(kind, display, "", aliases=[display, *aliases], votes=votes)  # type: ignore[arg-type]


def article(
    sentence: str, *entities: Entity, speaker: int | None = None
) -> tuple[str, AnnotatedArticle]:
    """One paragraph: `sentence` plus a quotation of `speaker`; mentions wherever an alias
    occurs (longest first)."""
    body = f'{sentence} "We will see it through," said the speaker. (No. {next(_counter)})'
    mentions: list[Mention] = []
    taken = [False] * len(body)
    forms = sorted(
        ((a, i) for i, e in enumerate(entities) for a in e.aliases), key=lambda f: -len(f[0])
    )
    for form, index in forms:
        for m in re.finditer(rf"\b{re.escape(form)}\b", body):
            if not any(taken[m.start() : m.end()]):
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                mentions.append(Mention(index, 1, m.start(), m.end(), form))
    start = body.index('"') + 1
    quote = body[start : body.index(",", start)]
    quotation = Quotation(
        1, [(start, start + len(quote))], quote, "direct", "said", speaker_entity=speaker
    )
    annotation = AnnotatedArticle(
        Metadata(),
        [Paragraph(1, 0, len(body), body)],
        list(entities),
        sorted(mentions, key=lambda m: m.start),
        [quotation],
    )
    return body, annotation


def store(engine: Engine, item: tuple[str, AnnotatedArticle]) -> int:
    article_id, created = store_article(engine, text=item[0], annotation=item[1])
    assert created
    return article_id


def groups(url: str) -> dict[str, tuple[str, str]]:
    """name key -> (its entity's key, the entity's kind)."""
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT n.key, e.key, e.kind FROM entity_names n"
                " JOIN entities e ON e.id = n.entity_id"
            )
        ).all()
    engine.dispose()
    return {key: (root, kind) for key, root, kind in rows}


def entity_row(url: str, key: str) -> dict[str, object]:
    engine = create_engine(url)
    with engine.connect() as conn:
        row = (
            conn.execute(text("SELECT * FROM entities WHERE key = :k"), {"k": key}).mappings().one()
        )
    engine.dispose()
    return dict(row)


def test_kind_is_the_pooled_vote_and_moves_the_counters(database_url: str) -> None:
    engine = get_engine(database_url)
    for n in range(3):
        store(
            engine,
            article(
                f"Kate Bush sang at the Palladium, night {n}.",
                name("person", "Kate Bush", person=2),
                speaker=0,
            ),
        )
    odd = store(
        engine, article("Kate Bush signed the deal.", name("organisation", "Kate Bush", org=1))
    )
    assert groups(database_url) == {"kate bush": ("kate bush", "person")}
    row = entity_row(database_url, "kate bush")
    assert (row["article_count"], row["person_votes"], row["org_votes"]) == (4, 6, 1)
    for n in range(6):  # the evidence turns: the entity is re-decided, not duplicated
        store(
            engine,
            article(
                f"Kate Bush Ltd reported profits, year {n}.",
                name("organisation", "Kate Bush", org=1),
            ),
        )
    assert groups(database_url) == {"kate bush": ("kate bush", "organisation")}
    assert_consistent(database_url)  # counters, co-mentions' kinds, votes: recounted
    delete_article(engine, article_id=odd)
    assert_consistent(database_url)


def test_a_surname_joins_the_one_full_name_and_leaves_when_it_goes(database_url: str) -> None:
    engine = get_engine(database_url)
    alone = store(
        engine, article("Mr Blair spoke in Leeds.", name("person", "Blair", person=3), speaker=0)
    )
    assert groups(database_url)["blair"] == ("blair", "person")
    full = store(
        engine,
        article(
            "Tony Blair met Gordon Brown.",
            name("person", "Tony Blair"),
            name("person", "Gordon Brown"),
        ),
    )
    assert groups(database_url)["blair"] == ("tony blair", "person")
    assert_consistent(database_url)
    # the lone article's mention and quotation moved with the name
    tony = entity_row(database_url, "tony blair")
    assert (tony["article_count"], tony["quotation_count"], tony["mention_count"]) == (2, 1, 2)
    with TestClient(create_app(make_settings(database_url))) as client:
        quote = client.get(f"/articles/{alone}/quotations").json()["items"][0]
        assert quote["speaker"] == {
            "id": tony["id"],
            "name": "Tony Blair",
            "type": "person",
            "named": True,
        }
    delete_article(engine, article_id=full)
    assert groups(database_url) == {"blair": ("blair", "person")}
    assert_consistent(database_url)


def test_people_sharing_a_surname_are_never_merged(database_url: str) -> None:
    engine = get_engine(database_url)
    for n in range(3):
        store(engine, article(f"Tony Blair spoke, day {n}.", name("person", "Tony Blair")))
    store(engine, article("Cherie Blair wrote a book.", name("person", "Cherie Blair")))
    store(engine, article("Blair said so.", name("person", "Blair", person=2), speaker=0))
    found = groups(database_url)
    assert found["tony blair"][0] != found["cherie blair"][0]
    assert found["blair"] == ("tony blair", "person")  # 3 of 4 articles: dominant
    store(engine, article("Cherie Blair spoke again.", name("person", "Cherie Blair")))
    assert groups(database_url)["blair"] == ("blair", "person")  # 3 of 5: ambiguous
    assert_consistent(database_url)


def test_a_given_name_is_not_taken_for_a_surname(database_url: str) -> None:
    engine = get_engine(database_url)
    store(engine, article("Rob Andrew coached the side.", name("person", "Rob Andrew")))
    store(
        engine,
        article(
            "Andrew Marr asked Andrew Neil.",
            name("person", "Andrew Marr"),
            name("person", "Andrew Neil"),
        ),
    )
    store(engine, article("Prince Andrew visited.", name("person", "Andrew", person=1)))
    assert groups(database_url)["andrew"] == ("andrew", "person")
    assert_consistent(database_url)


def test_namesakes_are_told_apart_by_the_company_a_surname_keeps(database_url: str) -> None:
    """Two people share a surname equally, so neither dominates: the names around "Quill"
    say which one it is, and only while its articles agree."""
    engine = get_engine(database_url)
    for n in range(2):
        store(
            engine,
            article(
                f"Dara Quill scored for Lenton Rovers, said Pia Marsh, match {n}.",
                name("person", "Dara Quill"),
                name("organisation", "Lenton Rovers"),
                name("person", "Pia Marsh"),
            ),
        )
        store(
            engine,
            article(
                f"Emrys Quill starred for the Film Guild with Ada Voss, film {n}.",
                name("person", "Emrys Quill"),
                name("organisation", "Film Guild"),
                name("person", "Ada Voss"),
            ),
        )
    keeper = name("organisation", "Lenton Rovers")
    coach = name("person", "Pia Marsh")
    store(
        engine,
        article(
            "Quill scored twice for Lenton Rovers, Pia Marsh said.",
            name("person", "Quill", person=2),
            keeper,
            coach,
            speaker=0,
        ),
    )
    assert groups(database_url)["quill"] == ("dara quill", "person")
    assert_consistent(database_url)
    other = store(
        engine,
        article(
            "Quill joined the Film Guild beside Ada Voss.",
            name("person", "Quill", person=2),
            name("organisation", "Film Guild"),
            name("person", "Ada Voss"),
        ),
    )
    assert groups(database_url)["quill"] == ("quill", "person")  # its articles disagree
    assert_consistent(database_url)
    delete_article(engine, article_id=other)
    assert groups(database_url)["quill"] == ("dara quill", "person")
    assert_consistent(database_url)


def test_a_surname_read_as_a_firm_joins_the_person_whose_company_it_keeps(
    database_url: str,
) -> None:
    """ "Tamsin beat Lars Hovde" read as a firm's name: the players around it are Roger
    Tamsin's. "Brock", a network named beside a media group, keeps apart from the
    politician Colin Brock."""
    engine = get_engine(database_url)
    for n in range(3):
        store(
            engine,
            article(
                f"Roger Tamsin beat Lars Hovde at the Seaview Club, round {n}.",
                name("person", "Roger Tamsin"),
                name("person", "Lars Hovde"),
                name("organisation", "Seaview Club"),
            ),
        )
        store(
            engine,
            article(
                f"Colin Brock of the Reform Party met Ann Lee, day {n}.",
                name("person", "Colin Brock"),
                name("organisation", "Reform Party"),
                name("person", "Ann Lee"),
            ),
        )
    store(
        engine,
        article(
            "Tamsin beat Lars Hovde again at the Seaview Club.",
            name("organisation", "Tamsin", org=1),
            name("person", "Lars Hovde"),
            name("organisation", "Seaview Club"),
        ),
    )
    store(
        engine,
        article(
            "Brock, owned by the Hale Media Group, hired Nia Grant.",
            name("organisation", "Brock", org=2),
            name("organisation", "Hale Media Group"),
            name("person", "Nia Grant"),
        ),
    )
    found = groups(database_url)
    assert found["tamsin"] == ("roger tamsin", "person")
    assert found["brock"] == ("brock", "organisation")
    assert_consistent(database_url)


def test_the_company_counts_people_named_by_surname_alone(database_url: str) -> None:
    """ "Tamsin" read as a firm, beside "Hovde" and "Berg" alone: the players Roger Tamsin's
    articles name in full."""
    engine = get_engine(database_url)
    for n in range(3):
        store(
            engine,
            article(
                f"Roger Tamsin beat Lars Hovde and Ola Berg, round {n}.",
                name("person", "Roger Tamsin"),
                name("person", "Lars Hovde"),
                name("person", "Ola Berg"),
            ),
        )
    store(
        engine,
        article(
            "Tamsin beat Hovde, then Berg.",
            name("organisation", "Tamsin", org=1),
            name("person", "Hovde"),
            name("person", "Berg"),
        ),
    )
    assert groups(database_url)["tamsin"] == ("roger tamsin", "person")
    assert_consistent(database_url)


def test_a_short_form_joins_once_articles_support_it(database_url: str) -> None:
    engine = get_engine(database_url)
    lib = name("organisation", "Liberal Democrats", "Lib Dems")
    store(
        engine,
        article("The Lib Dems rose in the polls.", name("organisation", "Lib Dems"), speaker=0),
    )
    store(engine, article("The Liberal Democrats, or Lib Dems, met.", lib))
    assert groups(database_url)["lib dems"] == ("lib dems", "organisation")  # one article: not yet
    store(
        engine,
        article(
            "The Liberal Democrats (Lib Dems) voted.",
            name("organisation", "Liberal Democrats", "Lib Dems"),
        ),
    )
    assert groups(database_url)["lib dems"] == ("liberal democrats", "organisation")
    assert_consistent(database_url)


def test_an_acronym_joins_its_expansion_at_once(database_url: str) -> None:
    engine = get_engine(database_url)
    store(
        engine,
        article(
            "The Canada Revenue Agency (CRA) wrote.",
            name("organisation", "Canada Revenue Agency", "CRA"),
        ),
    )
    store(engine, article("The CRA said it would appeal.", name("organisation", "CRA"), speaker=0))
    assert groups(database_url)["cra"] == ("canada revenue agency", "organisation")
    assert_consistent(database_url)


def test_an_acronym_more_common_than_its_expansion_still_joins_it(database_url: str) -> None:
    engine = get_engine(database_url)
    for body in ("The ICC met.", "The ICC ruled.", "The ICC said no."):
        store(engine, article(body, name("organisation", "ICC"), speaker=0))
    assert groups(database_url)["icc"] == ("icc", "organisation")
    store(
        engine,
        article(
            "The International Cricket Council (ICC) wrote.",
            name("organisation", "International Cricket Council", "ICC"),
        ),
    )
    assert groups(database_url)["icc"] == ("international cricket council", "organisation")
    assert_consistent(database_url)


def _corpus() -> list[tuple[str, AnnotatedArticle]]:
    return [
        article("Mr Blair spoke.", name("person", "Blair", person=2), speaker=0),
        article(
            "Tony Blair and the Lib Dems.",
            name("person", "Tony Blair"),
            name("organisation", "Lib Dems"),
        ),
        article(
            "Liberal Democrats (Lib Dems) met Tony Blair.",
            name("organisation", "Liberal Democrats", "Lib Dems"),
            name("person", "Tony Blair"),
        ),
        article(
            "Liberal Democrats, the Lib Dems, won.",
            name("organisation", "Liberal Democrats", "Lib Dems"),
        ),
        article(
            "Cherie Blair and Kate Bush.",
            name("person", "Cherie Blair"),
            name("person", "Kate Bush"),
        ),
        article(
            "Kate Bush Ltd and Acme.",
            name("organisation", "Kate Bush", org=3),
            name("organisation", "Acme"),
        ),
        article(
            "Tony Blair spoke to Acme.",
            name("person", "Tony Blair"),
            name("organisation", "Acme"),
            speaker=0,
        ),
    ]


@pytest.mark.parametrize(
    "order", [(0, 1, 2, 3, 4, 5, 6), (6, 5, 4, 3, 2, 1, 0), (3, 0, 5, 2, 6, 4, 1)]
)
def test_decisions_do_not_depend_on_the_order_of_arrival(tmp_path, order: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    from app.core import migrate

    url = f"sqlite:///{tmp_path / 'order.db'}"
    migrate.upgrade(url)
    engine = get_engine(url)
    items = _corpus()
    ids = {i: store(engine, items[i]) for i in order}
    assert groups(url) == {
        "blair": ("tony blair", "person"),
        "tony blair": ("tony blair", "person"),
        "cherie blair": ("cherie blair", "person"),
        "lib dems": ("liberal democrats", "organisation"),
        "liberal democrats": ("liberal democrats", "organisation"),
        "kate bush": ("kate bush", "organisation"),
        "acme": ("acme", "organisation"),
    }
    assert_consistent(url)
    for i in order[:3]:  # and deletes keep it exact
        delete_article(engine, article_id=ids[i])
        assert_consistent(url)
    dispose_engine(url)


def test_the_evidence_is_served(database_url: str) -> None:
    engine = get_engine(database_url)
    store(engine, article("Mr Blair spoke.", name("person", "Blair", person=2), speaker=0))
    both = store(engine, article("Tony Blair spoke.", name("person", "Tony Blair")))
    with TestClient(create_app(make_settings(database_url))) as client:
        tony = client.get("/people", params={"q": "tony"}).json()["items"][0]
        assert tony["aliases"] == ["Tony Blair", "Blair"]
        detail = client.get(f"/people/{tony['id']}").json()
        assert detail["votes"] == {"person": 3, "organisation": 0, "other": 0}
        names = client.get(f"/people/{tony['id']}/names").json()
        assert [(n["key"], n["link"], n["article_count"]) for n in names["items"]] == [
            ("blair", "surname", 1),
            ("tony blair", "own", 1),
        ]
        by_name = {n["key"]: n["id"] for n in names["items"]}
        articles = client.get(
            f"/people/{tony['id']}/articles", params={"name": by_name["tony blair"]}
        )
        assert [a["id"] for a in articles.json()["items"]] == [both]
        assert client.get(f"/organisations/{tony['id']}/names").status_code == 404


def test_a_name_the_corpus_takes_for_neither_is_hidden(database_url: str) -> None:
    """ "Harry Potter" read as a person in one article and as a work in three: the pooled
    votes say neither, so the entity leaves /people, mentions and co-mentions."""
    engine = get_engine(database_url)
    first = store(
        engine,
        article(
            "Harry Potter met Ann Lee.",
            name("person", "Harry Potter"),
            name("person", "Ann Lee"),
            speaker=0,
        ),
    )
    with TestClient(create_app(make_settings(database_url))) as client:
        assert client.get("/people").json()["total"] == 2
    for n in range(3):
        store(
            engine,
            article(
                f"The film Harry Potter opened, week {n}.", name("person", "Harry Potter", other=2)
            ),
        )
    assert groups(database_url)["harry potter"] == ("harry potter", "other")
    assert_consistent(database_url)
    with TestClient(create_app(make_settings(database_url))) as client:
        people = client.get("/people").json()
        assert [p["name"] for p in people["items"]] == ["Ann Lee"] and people["total"] == 1
        lee = people["items"][0]["id"]
        assert client.get(f"/people/{lee}/co-mentions").json()["total"] == 0
        detail = client.get(f"/articles/{first}/paragraphs/1").json()
        assert [m["name"] for m in detail["mentions"]] == ["Ann Lee"]
        quote = client.get(f"/articles/{first}/quotations").json()["items"][0]
        assert quote["speaker"] == {
            "id": None,
            "name": "Harry Potter",
            "type": "other",
            "named": True,
        }
