"""Sign-in accounts: learners and instructors, their bcrypt-hashed passwords, bounded guessing.

`UserStore(database)` adds, removes and lists accounts (`advisor users …`) and checks a sign-in
(`ui.access`). A password is stored only as a bcrypt hash (salted, deliberately slow); a name
that does not exist costs the same check as one that does, so timing does not tell which names
exist. Failed sign-ins are rows in the shared database: after `max_failures` in `window_s`
seconds a name is refused, even with the right password, until the oldest failure ages out —
on every replica alike.
"""

from __future__ import annotations

import re
import time
from functools import cached_property
from typing import Literal, get_args

import bcrypt
import sqlalchemy as sa
from pydantic import BaseModel

from assistant.errors import UserError
from assistant.storage import tables
from assistant.storage.database import Database

Role = Literal["learner", "instructor"]
ROLES: tuple[str, ...] = get_args(Role)
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
MIN_PASSWORD = 8
MAX_PASSWORD_BYTES = 72  # bcrypt reads no further; a longer one is refused, never truncated


class AccountError(UserError):
    """An account cannot be added or removed as asked; the message names the field and fix."""

    code = "invalid_account"


class Account(BaseModel):
    username: str
    role: Role
    created: float


class SignIn(BaseModel):
    """What a sign-in attempt came to: the account, or why not (and for how long)."""

    account: Account | None = None
    locked_for_s: float = 0.0  # > 0: too many failures for this name; retry after this


def check_username(username: str) -> str:
    name = username.strip()
    if not NAME.fullmatch(name):
        raise AccountError(
            f"username {username!r} is not allowed: use 1-64 letters, digits, '.', '_' or '-' "
            "(starting with a letter or digit; no e-mail addresses, they would be stored in "
            "conversation records)", code="invalid_username")
    return name


def check_password(password: str) -> bytes:
    raw = password.encode("utf-8")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password is too short: give at least {MIN_PASSWORD} characters",
                           code="weak_password")
    if len(raw) > MAX_PASSWORD_BYTES:
        raise AccountError(f"password is too long: bcrypt uses at most {MAX_PASSWORD_BYTES} "
                           "bytes; choose a shorter one", code="long_password")
    return raw


class UserStore:
    def __init__(self, db: Database, *, rounds: int = 12, max_failures: int = 5,
                 window_s: float = 900.0) -> None:
        self.db = db
        self.rounds = rounds
        self.max_failures = max_failures
        self.window_s = window_s

    @cached_property
    def _dummy(self) -> str:
        """A hash to check an unknown name against: it costs what a real check costs."""
        return bcrypt.hashpw(b"no such account", bcrypt.gensalt(self.rounds)).decode()

    # ------------------------------------------------------------------ managing accounts

    def add(self, username: str, password: str, role: str = "learner",
            replace: bool = False) -> Account:
        """A new account (or, with `replace`, a new password and role for an existing one)."""
        name = check_username(username)
        if role not in ROLES:
            raise AccountError(f"role {role!r} is not one of {', '.join(ROLES)}",
                               code="invalid_role")
        digest = bcrypt.hashpw(check_password(password), bcrypt.gensalt(self.rounds)).decode()
        u = tables.users
        row = {"username": name, "role": role, "password_hash": digest, "created": time.time()}
        with self.db.transaction() as conn:
            exists = conn.execute(sa.select(u.c.username).where(u.c.username == name)).first()
            if exists and not replace:
                raise AccountError(f"the account {name!r} exists already; remove it first or "
                                   "pass --replace to set a new password and role",
                                   code="account_exists")
            if exists:
                conn.execute(u.update().where(u.c.username == name)
                             .values(role=role, password_hash=digest))
            else:
                conn.execute(u.insert().values(**row))
            conn.execute(tables.sign_in_failures.delete()
                         .where(tables.sign_in_failures.c.username == name))
        return self.get(name)  # type: ignore[return-value]

    def remove(self, username: str) -> bool:
        """Removes the account; False when there was none of that name."""
        u = tables.users
        with self.db.transaction() as conn:
            gone = conn.execute(u.delete().where(u.c.username == username.strip())).rowcount
        return bool(gone)

    def get(self, username: str | None) -> Account | None:
        if not username:
            return None
        u = tables.users
        with self.db.read() as conn:
            row = conn.execute(sa.select(u.c.username, u.c.role, u.c.created)
                               .where(u.c.username == username)).first()
        return Account(username=row.username, role=row.role, created=row.created) if row else None

    def list(self) -> list[Account]:
        u = tables.users
        with self.db.read() as conn:
            rows = conn.execute(sa.select(u.c.username, u.c.role, u.c.created)
                                .order_by(u.c.username)).all()
        return [Account(username=r.username, role=r.role, created=r.created) for r in rows]

    def count(self) -> int:
        with self.db.read() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(tables.users)).scalar_one()

    # ------------------------------------------------------------------ signing in

    def sign_in(self, username: str, password: str, now: float | None = None) -> SignIn:
        """Checks a name and password; a failure is counted against the name."""
        now = time.time() if now is None else now
        name = username.strip()
        f, u = tables.sign_in_failures, tables.users
        with self.db.read() as conn:
            failures = conn.execute(
                sa.select(f.c.at).where((f.c.username == name) & (f.c.at > now - self.window_s))
                .order_by(f.c.at).limit(self.max_failures)).scalars().all()
            row = conn.execute(sa.select(u.c.password_hash).where(u.c.username == name)).first()
        if len(failures) >= self.max_failures:
            return SignIn(locked_for_s=max(1.0, failures[0] + self.window_s - now))
        digest = row.password_hash if row else self._dummy
        raw = password.encode("utf-8")
        ok = (len(raw) <= MAX_PASSWORD_BYTES and bcrypt.checkpw(raw, digest.encode())
              and row is not None)
        if ok:
            return SignIn(account=self.get(name))
        with self.db.transaction() as conn:
            conn.execute(f.insert().values(username=name[:64], at=now))
            conn.execute(f.delete().where(f.c.at < now - self.window_s))
        return SignIn()
