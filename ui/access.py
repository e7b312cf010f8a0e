"""Who may use the web UI, and who may use its instructor functions (no Gradio here).

Two modes, fixed when the server starts:
- **accounts** (`advisor users add` made at least one): every page and API call needs a
  sign-in (Gradio's login, checked by `Access.authenticate` against the stored bcrypt hashes,
  failures bounded per name); a session's role is read from the database on every instructor
  call, so removing an account or demoting it takes effect at once.
- **one local person** (no account): the app binds to loopback only and that person has every
  tab, as before accounts existed. Binding another address without accounts is refused with
  the command that adds one (`check_can_start`).
"""

from __future__ import annotations

import logging

from assistant.errors import SetupError, UserError
from assistant.settings import Settings
from assistant.storage import Database
from assistant.storage.users import Role, UserStore

log = logging.getLogger(__name__)

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
ADD_ACCOUNT = "advisor users add NAME --role instructor"


class Forbidden(UserError):
    """A session that is not an instructor's called an instructor function."""

    code = "forbidden"


class Access:
    def __init__(self, users: UserStore, accounts: bool | None = None) -> None:
        self.users = users
        # Decided once, at start: an account added later takes effect at the next start.
        self.accounts = users.count() > 0 if accounts is None else accounts

    @classmethod
    def for_database(cls, db: Database) -> Access:
        return cls(UserStore(db))

    def role(self, username: str | None) -> Role | None:
        """The session's role: the signed-in account's, or the local person's (instructor)."""
        if not self.accounts:
            return "instructor"  # one person on loopback: every tab (see check_can_start)
        account = self.users.get(username)
        return account.role if account else None

    def is_instructor(self, username: str | None) -> bool:
        return self.role(username) == "instructor"

    def require_instructor(self, username: str | None) -> None:
        if not self.is_instructor(username):
            raise Forbidden("this function is for instructors: sign in with an instructor "
                            "account (an administrator adds one with "
                            f"`{ADD_ACCOUNT}`)")

    def authenticate(self, username: str, password: str) -> bool:
        """Gradio's login check: True lets the session in. Failures are counted per name."""
        result = self.users.sign_in(username, password)
        if result.locked_for_s:
            log.warning("sign-in refused: too many failures for one name (%.0f s left)",
                        result.locked_for_s)
        return result.account is not None


def check_can_start(settings: Settings, access: Access) -> None:
    """Refuses a server anyone on the network could use without signing in."""
    if settings.host not in LOOPBACK and not access.accounts:
        raise SetupError(
            f"refusing to serve on {settings.host} without accounts: anyone who can reach it "
            f"could use every function. Add one with `{ADD_ACCOUNT}` (and learners with "
            "`advisor users add NAME`), or bind to 127.0.0.1", code="no_accounts")


def describe_sign_in(settings: Settings, access: Access) -> str:
    """How sessions sign in, for the Settings tab: the same three cases as `gradio_auth`."""
    if access.accounts:
        return "on (accounts)"
    if settings.auth_user and settings.auth_password:
        return "on (basic auth, loopback only)"
    return "off (one person on this machine)"


def gradio_auth(settings: Settings, access: Access):
    """What `launch(auth=…)` takes: the accounts' check, the old shared login on loopback
    (only while no account exists), or None (one local person)."""
    if access.accounts:
        return access.authenticate
    if settings.auth_user and settings.auth_password:
        return (settings.auth_user, settings.auth_password.get_secret_value())
    return None
