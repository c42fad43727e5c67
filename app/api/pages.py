"""HTML pages of a person or organisation and of the corpus, with inline SVG charts.

Self-contained like the reader view (app.api.reader): no script, no external asset, inline
CSS only, every piece of text escaped; served with the reader view's strict CSP.
"""

from __future__ import annotations

from html import escape

from app.analytics_schemas import CorpusBucket, EntityBucket, QuotationStats
from app.api.charts import Bar, column_chart, share_chart
from app.queries.pages import EntityPage, StatsPage
from app.schemas import CoMentionOut, QuotationWithArticle

CSS = """
body{font:16px/1.5 Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.8em;line-height:1.2;margin-bottom:.2em}
h2{font-size:1.15em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9em}
svg.chart{width:100%;height:auto;font-family:Helvetica,Arial,sans-serif}
svg.chart rect.bar:hover{fill:#1f5fa8}
ul.quotes{list-style:none;padding:0}
ul.quotes li{margin:.6em 0;padding-left:.8em;border-left:3px solid #f0d264}
ul.tags{padding:0}ul.tags li{display:inline-block;background:#f1f1f1;border-radius:3px;
padding:.05em .5em;margin:.15em .2em .15em 0;font-size:.9em}
a.person,a.organisation{text-decoration:none;border-bottom:2px solid;color:inherit}
a.person{background:#e3f0ff;border-color:#4a90d9}
a.organisation{background:#e8f7e4;border-color:#4caf50}
table{border-collapse:collapse}td,th{padding:.2em .8em .2em 0;text-align:left}
td.n{text-align:right}
"""


def page_href(kind: str, entity_id: int) -> str:
    """The HTML page of a person or organisation."""
    return f"/{'people' if kind == 'person' else 'organisations'}/{entity_id}/view"


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def _tags(values: list[str]) -> str:
    if not values:
        return '<p class="meta">none recorded</p>'
    return '<ul class="tags">' + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"


def _quotation(q: QuotationWithArticle, *, with_speaker: bool) -> str:
    when = f", {q.published.isoformat()}" if q.published else ""
    title = escape(q.article_title or f"Article {q.article_id}")
    speaker = ""
    if with_speaker:
        if q.speaker is not None and q.speaker.id is not None:
            speaker = (
                f' — <a class="{q.speaker.type}" href="{page_href(q.speaker.type, q.speaker.id)}">'
                f"{escape(q.speaker.name)}</a>"
            )
        elif q.speaker is not None:
            speaker = f" — {escape(q.speaker.name)}"
    return (
        f'<li data-quotation="{q.id}">“{escape(q.text)}”{speaker}<br><span class="meta">'
        f'<a href="/articles/{q.article_id}/view">{title}</a>{when},'
        f" paragraph {q.paragraph}</span></li>"
    )


def _quotations(items: list[QuotationWithArticle], *, with_speaker: bool, empty: str) -> str:
    if not items:
        return f'<p class="meta">{escape(empty)}</p>'
    return (
        '<ul class="quotes">'
        + "".join(_quotation(q, with_speaker=with_speaker) for q in items)
        + "</ul>"
    )


def _co_mentions(items: list[CoMentionOut]) -> str:
    if not items:
        return '<p class="meta">Nobody else is named in the same articles.</p>'
    return (
        '<ul class="tags">'
        + "".join(
            f'<li><a class="{c.kind}" href="{page_href(c.kind, c.id)}">{escape(c.name)}</a>'
            f" {c.shared_articles}</li>"
            for c in items
        )
        + '</ul><p class="meta">The number is how many articles name both.</p>'
    )


def _entity_bar(b: EntityBucket) -> Bar:
    tip = (
        f"{b.period}: {_plural(b.articles, 'article')}, {_plural(b.mentions, 'mention')},"
        f" {_plural(b.quotations, 'quotation')}"
    )
    return Bar(b.period, b.articles, tip)


def render_entity(page: EntityPage) -> str:
    e, timeline = page.entity, page.timeline
    plural = "people" if e.kind == "person" else "organisations"
    seen = f" · {e.first_seen} – {e.last_seen}" if e.first_seen else ""
    chart = column_chart(
        [_entity_bar(b) for b in timeline.buckets],
        label=f"Articles naming {e.name}, per {timeline.interval}",
    )
    body = (
        f"<h1>{escape(e.name)}</h1>"
        f'<p class="meta">{escape(e.kind)} · {_plural(e.article_count, "article")} ·'
        f" {_plural(e.mention_count, 'mention')} · {_plural(e.quotation_count, 'quotation')}"
        f"{escape(seen)}</p>"
        f"<h2>In the news, articles per {timeline.interval}</h2>{chart}"
        f"<h2>Also called</h2>{_tags(e.aliases)}<h2>Roles</h2>{_tags(e.roles)}"
        f"<h2>Latest quotations</h2>"
        + _quotations(page.said, with_speaker=False, empty="No quotation attributed yet.")
        + "<h2>What others say about them</h2>"
        + _quotations(page.said_about, with_speaker=True, empty="No quotation mentions them.")
        + f"<h2>Named with</h2>{_co_mentions(page.co_mentions)}"
        + f'<p class="meta"><a href="/{plural}/{e.id}">JSON</a> ·'
        f' <a href="/{plural}/{e.id}/timeline">timeline JSON</a> ·'
        ' <a href="/stats/view">corpus statistics</a></p>'
    )
    return _document(e.name, body)


def _corpus_bar(b: CorpusBucket) -> Bar:
    tip = (
        f"{b.period}: {_plural(b.articles, 'article')}, {_plural(b.quotations, 'quotation')},"
        f" {_plural(b.people, 'person')}"
    ).replace("persons", "people")
    return Bar(b.period, b.articles, tip)


def _shares(stats: QuotationStats, label: str, accent: str = "") -> str:
    rows = [(g.key or "none", g.quotations, g.share) for g in stats.groups]
    return share_chart(rows, label=label, accent=accent)


def render_stats(page: StatsPage) -> str:
    timeline = page.timeline
    articles = sum(b.articles for b in timeline.buckets)
    unnamed = next((g for g in page.speakers.groups if g.key == "unnamed"), None)
    sources = "".join(
        f'<tr><td>{escape(s.source or "(none)")}</td><td class="n">{s.article_count:,}</td>'
        f'<td class="n">{s.quotation_count:,}</td></tr>'
        for s in page.sources
    )
    body = (
        "<h1>Corpus statistics</h1>"
        f'<p class="meta">{_plural(articles, "article")} ·'
        f" {_plural(page.speakers.total, 'quotation')}"
        + (f" · {unnamed.share:.1%} from unnamed sources" if unnamed else "")
        + "</p>"
        f"<h2>Articles per {timeline.interval}</h2>"
        + column_chart(
            [_corpus_bar(b) for b in timeline.buckets],
            label=f"Articles per {timeline.interval}",
        )
        + "<h2>Who is quoted</h2>"
        + _shares(page.speakers, "Quotations by speaker type", accent="unnamed")
        + "<h2>How they are quoted</h2>"
        + _shares(page.kinds, "Quotations by kind")
        + "<h2>Sources</h2>"
        + (
            f"<table><tr><th>source</th><th>articles</th><th>quotations</th></tr>{sources}</table>"
            if sources
            else '<p class="meta">No articles yet.</p>'
        )
        + '<p class="meta"><a href="/timeline">timeline JSON</a> ·'
        ' <a href="/stats/quotations?group_by=speaker_type">speaker types JSON</a> ·'
        ' <a href="/sources">sources JSON</a></p>'
    )
    return _document("Corpus statistics", body)
