"""The reader view: one article as a self-contained HTML page with its annotations marked.

No script and no external asset: inline CSS only, every piece of text escaped. People and
organisations link to their pages (/people/{id}/view, /organisations/{id}/view); each
quotation is highlighted with its speaker in the title attribute (shown on hover) and
followed by its speaker in superscript: a link to the speaker's page when it has one, else a
label drawn by CSS from a data attribute and hidden from screen readers, so that it is not
read, or copied, as part of the article's sentence.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from app.schemas import ArticleEntityOut, ArticleFull, MentionOut, QuotationOut

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none';"
    " form-action 'none'; frame-ancestors 'none'"
)

CSS = """
body{font:17px/1.6 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em;line-height:1.25}
.meta,.legend{color:#666;font-size:.9em}
a.person,a.organisation{text-decoration:none;border-bottom:2px solid;color:inherit}
a.person{background:#e3f0ff;border-color:#4a90d9}
a.organisation{background:#e8f7e4;border-color:#4caf50}
.quote{background:#fff4c2}
.quote.indirect{background:#fdf0e0}
.speaker{font-size:.75em;color:#8a5a00;margin-left:.2em;vertical-align:super}
span.speaker::after{content:attr(data-speaker)}
ul.list li{margin:.3em 0}
"""


def _href(kind: str, entity_id: int) -> str:
    return f"/{'people' if kind == 'person' else 'organisations'}/{entity_id}/view"


def _speaker(q: QuotationOut) -> str:
    return q.speaker.name if q.speaker else "unknown speaker"


def _speaker_link(q: QuotationOut) -> str | None:
    """A link to the speaker's page, when the speaker has one."""
    if q.speaker is None or q.speaker.id is None:
        return None
    name = escape(_speaker(q))
    href = _href(q.speaker.type, q.speaker.id)
    return (
        f'<a class="speaker" href="{href}" title="Speaker: {name}"'
        f' data-quotation="{q.id}">{name}</a>'
    )


def _speaker_mark(q: QuotationOut) -> str:
    """The speaker after a quotation in the text: the link, or else the name drawn by CSS
    (`::after`), out of the text that copy-paste and screen readers get."""
    link = _speaker_link(q)
    if link is not None:
        return link
    name = escape(_speaker(q))
    return (
        f'<span class="speaker" title="Speaker: {name}" data-speaker="{name}"'
        f' data-quotation="{q.id}" aria-hidden="true"></span>'
    )


def _paragraph(
    text: str, start: int, end: int, mentions: list[MentionOut], quotations: list[QuotationOut]
) -> str:
    spans = [
        (max(s, start), min(e, end), q)
        for q in quotations
        for s, e in q.spans
        if s < end and e > start
    ]
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    cuts = {start, end}
    cuts.update(p for s, e, _ in spans for p in (s, e))
    cuts.update(p for m in inside for p in (m.start, m.end))
    points = sorted(cuts)
    out: list[str] = []
    for a, b in pairwise(points):
        piece = escape(text[a - start : b - start])
        mention = next((m for m in inside if m.start <= a and b <= m.end), None)
        if mention is not None:
            piece = (
                f'<a class="{mention.kind}" href="{_href(mention.kind, mention.entity_id)}"'
                f' title="{escape(mention.kind)}: {escape(mention.name)}"'
                f' data-entity="{mention.entity_id}">{piece}</a>'
            )
        quote = next((q for s, e, q in spans if s <= a and b <= e), None)
        if quote is not None:
            piece = (
                f'<span class="quote {escape(quote.kind)}" title="Speaker: '
                f'{escape(_speaker(quote))}" data-quotation="{quote.id}">{piece}</span>'
            )
        out.append(piece)
        out.extend(_speaker_mark(q) for q in quotations if q.end == b and start < b <= end)
    return "".join(out)


def _entity_list(title: str, entities: list[ArticleEntityOut]) -> str:
    if not entities:
        return ""
    items = "".join(
        f'<li><a class="{e.kind}" href="{_href(e.kind, e.id)}">{escape(e.name)}</a>'
        f" ({e.mention_count} mention{'s' if e.mention_count != 1 else ''})</li>"
        for e in entities
    )
    return f'<h2>{escape(title)}</h2><ul class="list">{items}</ul>'


def render_article(article: ArticleFull) -> str:
    title = escape(article.title or f"Article {article.id}")
    meta = " · ".join(
        escape(str(part))
        for part in (article.source, article.published, ", ".join(article.authors))
        if part
    )
    body = "\n".join(
        "<p>" + _paragraph(p.text, p.start, p.end, article.mentions, article.quotations) + "</p>"
        for p in article.paragraphs
    )
    quotes = "".join(
        f"<li>“{escape(q.text)}” — {_speaker_link(q) or escape(_speaker(q))}"
        f" (paragraph {q.paragraph})</li>"
        for q in article.quotations
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{CSS}</style></head><body>"
        f'<article><h1>{title}</h1><p class="meta">{meta}</p>'
        '<p class="legend"><a class="person">person</a> <a class="organisation">organisation'
        '</a> <span class="quote">quotation</span> (hover a quotation for its speaker)</p>'
        f"{body}</article>"
        + _entity_list("People", article.people)
        + _entity_list("Organisations", article.organisations)
        + (f'<h2>Quotations</h2><ul class="list">{quotes}</ul>' if quotes else "")
        + f'<p class="meta"><a href="/articles/{article.id}">JSON</a></p></body></html>\n'
    )
