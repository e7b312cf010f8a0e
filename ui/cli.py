"""`advisor ui`: build the course index if needed and start the chat UI (thin layer over ui.app)."""

from __future__ import annotations

import click


@click.command("ui")
@click.option("--host", default=None, help="Address to bind (default: ADVISOR_HOST or 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="Port to listen on (default: ADVISOR_PORT or 7860).")
@click.option("--no-warm-up", is_flag=True, help="Load the model on the first question instead.")
def ui_command(host: str | None, port: int | None, no_warm_up: bool) -> None:
    """Start the web chat UI (binds 127.0.0.1 unless told otherwise)."""
    import logging

    from assistant.errors import AdvisorError
    from assistant.settings import get_settings
    from knowledge.index import ensure_index

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from ui.heap import limit_arenas

    limit_arenas()  # before the model and the server start their threads (ui/heap.py)
    updates = {k: v for k, v in {"host": host, "port": port}.items() if v is not None}
    settings = get_settings().model_copy(update=updates)
    try:  # before the index and the model: a refusal should not take a minute
        from assistant.storage import open_database
        from ui.access import Access, check_can_start

        check_can_start(settings, Access.for_database(open_database(settings.database)))
    except AdvisorError as exc:
        raise click.ClickException(exc.message) from None
    try:
        report = ensure_index(settings)
    except AdvisorError as exc:  # a bad corpus file or an index that cannot be opened
        raise click.ClickException(exc.message) from None
    click.echo(f"index: {report.summary()}", err=True)

    from assistant.engine import Advisor
    from ui.app import launch

    advisor = Advisor(settings)
    try:
        advisor.store  # noqa: B018  (open the database now: a damaged file is a message, not a crash)
        if not no_warm_up:
            advisor.warm_up()  # one large batch: every core helps
        from knowledge.embeddings import one_thread_per_answer

        one_thread_per_answer()  # answers run side by side; each encodes one short query
        launch(settings, advisor)
    except AdvisorError as exc:  # e.g. a database that cannot be opened
        raise click.ClickException(exc.message) from None
