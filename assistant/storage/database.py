"""One database for every replica: an SQLAlchemy engine on SQLite (WAL) or PostgreSQL (psycopg 3).

`open_database(target)` takes a file path (SQLite, the zero-setup default) or a URL from
`ADVISOR_DATABASE_URL` (`postgresql://user:password@host:5432/advisor`), opens it, and brings
its schema to the newest Alembic migration (once per process; several replicas starting at
once take turns through a lock inside the database). A file or server that cannot be opened
is `StoreUnavailable`, whose message names it (never its password) and says the fix.

Every write is one transaction (`Database.transaction()`); on SQLite it starts with
`BEGIN IMMEDIATE`, so writers queue on the file lock instead of failing half-way, and a
crash loses at most the transaction in flight.

Faults: a PostgreSQL server that restarts is reconnected to (pooled connections are pinged at
checkout, and a connection that cannot be made is tried again for up to `reconnect_seconds`),
so a request arriving during the restart waits instead of failing. A write that fails anyway
(the server went away mid-transaction, the disk is full) is rolled back whole and raised as
`StoreUnavailable` with the fix: nothing of it was saved and what was saved before is intact.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from assistant.errors import SetupError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATION_LOCK_ID = 7_170_117  # any constant: the advisory lock replicas take to migrate
_migrated: set[str] = set()
_migrating = threading.Lock()
_file_locks: dict[str, threading.Lock] = {}  # one per SQLite file: writers in a process queue here
# How long a request waits for a database server that does not accept connections (a restart
# takes a few seconds) before the learner is told it is unavailable.
RECONNECT_SECONDS = 20.0
log = logging.getLogger(__name__)


class StoreUnavailable(SetupError, RuntimeError):
    """The database cannot be opened; the message names the file or server and the fix."""


def database_url(target: str | Path) -> sa.URL:
    """The SQLAlchemy URL for a file path or an `ADVISOR_DATABASE_URL` value."""
    text = str(target)
    if isinstance(target, Path) or "://" not in text:
        return sa.URL.create("sqlite", database=str(Path(text)))
    url = sa.make_url(text)
    if url.drivername in {"postgresql", "postgres", "postgresql+psycopg"}:
        return url.set(drivername="postgresql+psycopg")
    if url.drivername == "sqlite":
        return url
    raise ValueError(
        f"ADVISOR_DATABASE_URL must start with postgresql:// or sqlite:///, not "
        f"{url.drivername}:// (e.g. postgresql://advisor:secret@127.0.0.1:5432/advisor)"
    )


def _where(url: sa.URL) -> str:
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)


def _unavailable(url: sa.URL, exc: BaseException) -> StoreUnavailable:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if url.get_backend_name() == "sqlite":
        return StoreUnavailable(
            f"the database {_where(url)} cannot be opened ({reason}); move the file aside "
            "(nothing else is lost) and the advisor will start a new one"
        )
    return StoreUnavailable(
        f"the database {_where(url)} cannot be reached ({reason}); check that PostgreSQL is "
        "running and that ADVISOR_DATABASE_URL names the right user, password, host, port "
        "and database"
    )


def _disk_full(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", exc)
    return (getattr(orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
            or "disk is full" in str(orig) or getattr(orig, "errno", None) == 28)  # ENOSPC


def _lost(exc: BaseException) -> bool:
    """A database error that says the server or the file is gone, not a fault of the query."""
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, (sa.exc.OperationalError, sa.exc.InterfaceError, OSError))


def _write_failed(url: sa.URL, exc: BaseException) -> StoreUnavailable:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if _disk_full(exc):
        return StoreUnavailable(
            f"the database {_where(url)} cannot be written: the disk is full ({reason}). Free "
            "space on that disk; nothing of this action was saved, what was saved before is "
            "intact", code="disk_full")
    return StoreUnavailable(
        f"the database {_where(url)} failed during this action ({reason}); nothing of it was "
        "saved, what was saved before is intact. Try again shortly; if it keeps failing, check "
        "that the database server is running", code="store_lost")


def _sqlite_engine(url: sa.URL) -> Engine:
    Path(str(url.database)).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(
        url, connect_args={"timeout": 30, "check_same_thread": False},
        pool_size=8, max_overflow=24, pool_timeout=60,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Writers take the file lock up front; readers see one snapshot without blocking them.
        reading = connection.get_execution_options().get("advisor_read", False)
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


class Database:
    """An open, migrated database: transactions for writes, snapshots for reads."""

    def __init__(self, target: str | Path, reconnect_seconds: float = RECONNECT_SECONDS) -> None:
        self.url = database_url(target)
        self.reconnect_seconds = reconnect_seconds
        self.dialect = self.url.get_backend_name()  # "sqlite" | "postgresql"
        self.where = _where(self.url)
        # SQLite lets one writer in at a time; threads of one process wait on a lock (cheap)
        # rather than in SQLite's busy handler, which sleeps up to 100 ms between tries.
        self._write_lock = None
        if self.dialect == "sqlite":
            with _migrating:
                self._write_lock = _file_locks.setdefault(str(Path(self.where).resolve()),
                                                          threading.Lock())
        try:
            if self.dialect == "sqlite":
                self.engine = _sqlite_engine(self.url)
            else:
                self.engine = sa.create_engine(
                    self.url, pool_size=5, max_overflow=10, pool_pre_ping=True,
                    connect_args={"connect_timeout": 10},
                )
            self._migrate()
        except (sa.exc.SQLAlchemyError, sqlite3.Error, OSError) as exc:
            raise _unavailable(self.url, exc) from None

    def _migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        key = self.url.render_as_string(hide_password=False)
        with _migrating:
            if key in _migrated:
                with self.engine.connect():  # still open it now: a damaged file fails here
                    pass
                return
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            with self.engine.begin() as connection:
                if self.dialect == "postgresql":  # replicas starting together take turns
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK_ID)))
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            _migrated.add(key)

    def _connect(self) -> Connection:
        """A live connection. A server that refuses connections (restarting) is tried again
        until `reconnect_seconds` have passed; a pooled connection the restart killed is
        replaced at checkout (pool_pre_ping)."""
        deadline = time.monotonic() + self.reconnect_seconds
        pause = 0.2
        while True:
            try:
                return self.engine.connect()
            except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
                if self.dialect == "sqlite" or time.monotonic() + pause > deadline:
                    raise _unavailable(self.url, exc) from None
                log.warning("the database %s does not accept connections; retrying", self.where)
                time.sleep(pause)
                pause = min(pause * 2, 2.0)

    @contextmanager
    def _faults(self, writing: bool = True) -> Iterator[None]:
        """A transaction that failed because the file or server failed: `StoreUnavailable`."""
        try:
            yield
        except sa.exc.SQLAlchemyError as exc:
            if not _lost(exc):
                raise  # a fault of the query (an integrity error a caller retries, a bug)
            if writing:
                raise _write_failed(self.url, exc) from None
            raise _unavailable(self.url, exc) from None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on an error."""
        with self._write_lock or nullcontext(), self._faults():
            with self._connect() as connection, connection.begin():
                yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only snapshot (no write lock taken on SQLite)."""
        with self._faults(writing=False), self._connect() as connection:
            connection = connection.execution_options(advisor_read=True)
            with connection.begin():
                yield connection

    def insert(self, table: sa.Table):
        """An INSERT that can say ON CONFLICT (…) DO NOTHING / DO UPDATE on both engines."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str | Path) -> Database:
    return Database(target)
