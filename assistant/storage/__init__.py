"""The advisor's one storage layer: SQLite (default) or PostgreSQL through SQLAlchemy Core.

`open_database(target)` gives a `Database` (an engine whose schema Alembic has brought to the
newest version); `tables` names every table. The conversation store (`assistant.memory`) and
the UI store (`ui.store`) are written once against it, so both engines run the same queries.
"""

from assistant.storage.database import Database, StoreUnavailable, database_url, open_database
from assistant.storage import tables

__all__ = ["Database", "StoreUnavailable", "database_url", "open_database", "tables"]
