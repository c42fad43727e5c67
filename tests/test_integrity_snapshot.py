"""The integrity checks read one committed state, also while another writer commits (the
crash tests check while the surviving worker is storing articles)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from tests.support.integrity import _one_snapshot


def test_every_check_reads_the_state_of_its_first_read(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'snap.db'}"
    writer = create_engine(url)
    with writer.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.execute(text("CREATE TABLE t (n INTEGER)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
    reader = create_engine(url)
    with reader.connect() as check:
        _one_snapshot(check)
        before = check.execute(text("SELECT count(*) FROM t")).scalar_one()
        with writer.begin() as conn:  # another writer commits between two checks
            conn.execute(text("INSERT INTO t VALUES (2)"))
        after = check.execute(text("SELECT count(*) FROM t")).scalar_one()
    assert before == after == 1
    with reader.connect() as fresh:
        assert fresh.execute(text("SELECT count(*) FROM t")).scalar_one() == 2
    writer.dispose()
    reader.dispose()
