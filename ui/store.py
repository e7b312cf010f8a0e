"""The UI's own tables (plans, feedback, settings of the web app) in the advisor's database.

They live beside the conversations of `assistant.memory` (`assistant.storage`: SQLite in the
data folder, or the PostgreSQL every replica shares). Everything a person typed is masked with
`mask_pii` before storage; rows are keyed by an owner (a browser session id or a login) so
users never see each other's. A plan is changed by `update_plan`, which applies the change to
the latest saved plan inside one transaction: two tabs, or two replicas, never lose each
other's edits.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from assistant.memory import Store
from assistant.reading.privacy import mask_pii
from assistant.storage import tables

Plan = dict[str, Any]


def _masked_json(value: Any) -> str:
    return mask_pii(json.dumps(value, ensure_ascii=False, default=str))


def _title(plan: Plan) -> str:
    return mask_pii(str(plan.get("title") or "Plan"))[:120]


class UIStore(Store):
    # ------------------------------------------------------------------ meta

    def secret(self, key: str = "browser_state_secret") -> str:
        """A random secret created once and kept, so browser state survives a restart (and
        every replica signs browser state with the same one)."""
        meta = tables.ui_meta
        with self.transaction() as conn:
            conn.execute(self.db.insert(meta).values(key=key, value=secrets.token_urlsafe(24))
                         .on_conflict_do_nothing())
            return conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar_one()

    # ------------------------------------------------------------------ plans

    def save_plan(self, owner: str, plan: Plan, plan_id: str = "current") -> None:
        """Replaces the stored plan with `plan` (use `update_plan` to change it instead)."""
        self.update_plan(owner, lambda _latest: plan, plan_id)

    def update_plan(self, owner: str, change: Callable[[Plan | None], Plan],
                    plan_id: str = "current") -> Plan:
        """Applies `change` to the latest saved plan (None when there is none) and stores the
        result, in one transaction that holds the plan's row: an edit made meanwhile in
        another tab or on another replica is what `change` sees, never overwritten. Returns
        the plan as stored (masked)."""
        p = tables.ui_plans
        key = (p.c.owner == owner) & (p.c.plan_id == plan_id)
        for attempt in range(5):
            try:
                with self.transaction() as conn:
                    row = conn.execute(
                        sa.select(p.c.data, p.c.version).where(key).with_for_update()).first()
                    new = change(json.loads(row.data) if row else None)
                    values = {"title": _title(new), "data": _masked_json(new),
                              "updated": time.time()}
                    if row:
                        conn.execute(p.update().where(key).values(**values,
                                                                  version=row.version + 1))
                    else:  # two first saves at once: the loser retries on the winner's row
                        conn.execute(p.insert().values(owner=owner, plan_id=plan_id, version=1,
                                                       **values))
                    return json.loads(values["data"])
            except sa.exc.IntegrityError:
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")

    def load_plan(self, owner: str, plan_id: str = "current") -> Plan | None:
        p = tables.ui_plans
        with self.db.read() as conn:
            data = conn.execute(sa.select(p.c.data).where(
                (p.c.owner == owner) & (p.c.plan_id == plan_id))).scalar()
        return json.loads(data) if data else None

    def list_plans(self, owner: str) -> list[dict[str, Any]]:
        p = tables.ui_plans
        with self.db.read() as conn:
            rows = conn.execute(sa.select(p.c.plan_id, p.c.title, p.c.updated)
                                .where(p.c.owner == owner).order_by(p.c.updated.desc()))
            return [dict(row) for row in rows.mappings()]

    # ------------------------------------------------------------------ feedback

    def add_feedback(
        self,
        owner: str,
        rating: str,
        *,
        conversation_id: str = "",
        message_index: int = -1,
        question: str = "",
        answer: str = "",
        citations: list[dict[str, Any]] | None = None,
        section_ids: list[str] | None = None,
        note: str = "",
    ) -> int:
        """Stores one thumbs up/down with the answer it rates; returns the feedback id."""
        f = tables.ui_feedback
        with self.transaction() as conn:
            return int(conn.execute(f.insert().values(
                owner=owner, conversation_id=conversation_id, message_index=message_index,
                rating=rating, note=mask_pii(note), question=mask_pii(question),
                answer=mask_pii(answer), citations=_masked_json(citations or []),
                section_ids=json.dumps(section_ids or [], ensure_ascii=False),
                created=time.time(),
            ).returning(f.c.id)).scalar_one())

    def set_feedback_note(self, owner: str, feedback_id: int, note: str) -> bool:
        """Adds the "this is wrong because…" note to the owner's own feedback row."""
        f = tables.ui_feedback
        with self.transaction() as conn:
            done = conn.execute(f.update().where((f.c.id == feedback_id) & (f.c.owner == owner))
                                .values(note=mask_pii(note.strip())))
            return done.rowcount == 1

    def feedback(self, owner: str | None = None) -> list[dict[str, Any]]:
        f = tables.ui_feedback
        query = sa.select(f.c.id, f.c.owner, f.c.conversation_id, f.c.message_index,
                          f.c.rating, f.c.note, f.c.question, f.c.answer, f.c.citations,
                          f.c.section_ids, f.c.created)
        if owner is not None:
            query = query.where(f.c.owner == owner)
        with self.db.read() as conn:
            rows = conn.execute(query.order_by(f.c.id)).mappings().all()
        out = []
        for row in rows:
            item = dict(row)
            item["citations"] = json.loads(item["citations"])
            item["section_ids"] = json.loads(item["section_ids"])
            out.append(item)
        return out

    # ------------------------------------------------------------------ rate limit

    def count_hit(self, key: str, now: float, per_minute: int) -> float:
        """Records one question for `key` unless `per_minute` were asked in the minute before
        `now`; returns 0 when recorded, else the seconds until the oldest of them expires.
        Stored, so every replica counts the same questions."""
        h = tables.rate_hits
        with self.transaction() as conn:
            if self.db.dialect == "postgresql":  # one key's checks take turns across replicas
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(
                    sa.func.hashtextextended(key, 0))))
            recent = conn.execute(sa.select(h.c.at).where((h.c.key == key) & (h.c.at > now - 60))
                                  .order_by(h.c.at).limit(per_minute)).scalars().all()
            if len(recent) >= per_minute:
                return max(0.1, 60 - (now - recent[0]))
            conn.execute(h.insert().values(key=key, at=now))
            conn.execute(h.delete().where(h.c.at < now - 60))  # forget the minutes gone by
            return 0.0
