"""The write path: storing and deleting annotated articles, one short transaction each.

- `transaction`: the write transaction (SQLite's single writer, retries), written once.
- `rows`: an article's own rows (article, paragraphs, mentions, quotations, search terms).
- `evidence`: what each article says about each name (`article_names`), pooled per name
  (`entity_names`: kind votes, article counts) and per alias (`name_aliases`).
- `identity`: which entity each name belongs to, decided from the pooled evidence, and
  re-decided (moving mentions and quotations) when the evidence changes.
- `contributions`: an article's contribution to what is maintained per entity (counts,
  kind votes, dates, aliases, co-mentions), added and taken away exactly.

`app.ingest` is the entry point (ingest, store_article, delete_article).
"""
