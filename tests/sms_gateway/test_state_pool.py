"""The state connection pool: one request per connection at a time, and checkpoints off the path."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from directory.db.connections import open_state, transaction
from directory.state.usage import add_event
from sms_gateway.web.state_pool import Checkpointer, StatePool


@pytest.fixture
def pool(state_path: Path) -> StatePool:
    """A pool on a migrated state database."""
    keeper = open_state(state_path)
    keeper.close()
    return StatePool(state_path)


def test_connections_in_use_at_once_are_distinct_and_come_back(pool: StatePool) -> None:
    with pool.connection() as first, pool.connection() as second:
        assert first is not second
    with pool.connection() as again:
        assert again in (first, second)
    pool.close()


def test_a_connection_that_saw_an_error_is_not_lent_again(pool: StatePool) -> None:
    with pytest.raises(RuntimeError), pool.connection() as broken:
        raise RuntimeError("boom")
    with pool.connection() as fresh:
        assert fresh is not broken
        assert fresh.execute("SELECT 1").fetchone() == (1,)
    pool.close()


def test_an_open_transaction_is_never_handed_on(pool: StatePool) -> None:
    with pool.connection() as left_open:
        left_open.execute("BEGIN IMMEDIATE")
    with pool.connection() as conn:
        assert conn is not left_open
        assert not conn.in_transaction
        with transaction(conn):  # the write lock was released with the abandoned connection
            add_event(conn, "sms", "reply")
    pool.close()


def test_the_checkpointer_copies_pool_writes_into_the_database(state_path: Path) -> None:
    keeper = open_state(state_path)  # held, as the gateway holds it: no checkpoint on close
    pool = StatePool(state_path)
    with pool.connection() as conn, transaction(conn):
        for i in range(3000):
            add_event(conn, "sms", "search", keyword=f"k{i}", area="BN7", language="en")
    size_before = state_path.stat().st_size
    wal = state_path.with_name(state_path.name + "-wal")
    assert wal.stat().st_size > 0  # the pool's connections did not checkpoint themselves
    checkpointer = Checkpointer(state_path, every=0.05)
    checkpointer.start()
    deadline = time.monotonic() + 10
    while state_path.stat().st_size == size_before and time.monotonic() < deadline:
        time.sleep(0.05)
    checkpointer.stop()
    assert state_path.stat().st_size > size_before
    with pool.connection() as conn:
        assert conn.execute("SELECT COUNT(*) FROM usage_count").fetchone() == (3000,)
    pool.close()
    keeper.close()


def test_prepare_warms_every_language_before_the_first_text(
    built_db: Path, state_path: Path
) -> None:
    from directory.lookup.categories import category_label, keyword_index, list_categories
    from directory.lookup.keywords import primary_keyword
    from sms_gateway.answers import helpline
    from sms_gateway.templates import LANGUAGES
    from sms_gateway.web.gateway import Gateway
    from tests.sms_gateway.conftest import make_settings

    gateway = Gateway(make_settings(built_db, state_path))
    gateway.prepare()
    db = gateway.content.get()
    # What the first text in each language looks up: after prepare(), all of it is already
    # known, so not one query reaches the directory file.
    queries: list[str] = []
    db.conn.set_trace_callback(queries.append)
    try:
        keyword_index(db)
        for language in LANGUAGES:
            helpline(db, language)
            for category in list_categories(db, language):
                primary_keyword(db, category.key, language)
                category_label(db, category.key, language, short=True)
    finally:
        db.conn.set_trace_callback(None)
        gateway.close()
    assert queries == []
