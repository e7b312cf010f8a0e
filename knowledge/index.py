"""The persistent Chroma index of course chunks, with incremental ingest.

The manifest lives in the collection itself: its metadata records the embedding model, and each
chunk's metadata records its source file and content hash. Keeping it there (rather than in a
side file) means the manifest can never drift from what is actually indexed, and the same code
works against an embedded store and a `chroma run` server.
"""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from knowledge.chunking import chunk_document, embedding_text
from knowledge.errors import SetupError
from knowledge import course
from knowledge.parsing import CorpusError, parse_course_file
from knowledge.types import Chunk

if TYPE_CHECKING:
    from knowledge.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")


class IndexUnavailable(SetupError, RuntimeError):
    """The index cannot be opened; the message says how to rebuild it."""

    code = "index_unavailable"


class IndexUnreachable(IndexUnavailable):
    """The Chroma server does not answer (stopped, restarting, network): a passing fault, not a
    broken index. Nothing is rebuilt; the next request tries the server again."""

    code = "index_unreachable"


def _unreachable(exc: BaseException) -> bool:
    """True for a request that never got an answer from the server (refused, reset, timed out)."""
    import httpx

    return isinstance(exc, (httpx.TransportError, ConnectionError))


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    embedded: int = 0
    sources: list[str] = field(default_factory=list)
    rebuilt: str = ""
    notices: list[str] = field(default_factory=list)  # what the readers dropped, file by file

    @property
    def changed(self) -> bool:
        """Whether the indexed chunks differ from before (what depends on them must refresh)."""
        return bool(self.added or self.updated or self.removed or self.rebuilt)

    def summary(self) -> str:
        text = (
            f"{len(self.sources)} file(s): {self.added} chunk(s) added, {self.updated} updated, "
            f"{self.removed} removed, {self.unchanged} unchanged ({self.embedded} embedded)"
        )
        return f"{self.rebuilt}\n{text}" if self.rebuilt else text


ParsedFile = tuple[str, list[Chunk], list[str]]  # (source name, its chunks, notices)


_CLIENTS: dict[str, object] = {}
_CLIENTS_LOCK = threading.Lock()


def _client(settings: "Settings"):
    """One client per store per process: chromadb's client set-up is not thread-safe."""
    key = settings.chroma_url or str(settings.chroma_path.resolve())
    with _CLIENTS_LOCK:
        if key not in _CLIENTS:
            _CLIENTS[key] = _new_client(settings)
        return _CLIENTS[key]


def _forget_client(settings: "Settings") -> None:
    key = settings.chroma_url or str(settings.chroma_path.resolve())
    with _CLIENTS_LOCK:
        _CLIENTS.pop(key, None)


def _new_client(settings: "Settings"):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_url:
        from urllib.parse import urlparse

        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or 8000,
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
    except BaseException as exc:
        if _chroma_failure(exc):
            # chromadb caches one system per path even when starting it failed (a corrupt
            # store); forget it, or a rebuild in this process would reuse the broken one.
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient._identifier_to_system.pop(str(settings.chroma_path), None)
        raise


def _chroma_failure(exc: BaseException) -> bool:
    """True for errors from the store; chromadb's Rust core reports a corrupt SQLite file as a
    pyo3 ``PanicException``, which derives from BaseException, not Exception."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


class CourseIndex:
    """Owns the Chroma collection for one settings object."""

    def __init__(self, settings: "Settings", embedder=None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._collection = None
        self._lock = threading.RLock()
        course.know_paths(settings.corpus_paths)

    @property
    def embedder(self):
        if self._embedder is None:
            from knowledge.embeddings import get_embedder

            self._embedder = get_embedder(self.settings)
        return self._embedder

    @property
    def model_id(self) -> str:
        return str(self.settings.resolved_embedding_model().name)

    def _open(self, create: bool):
        try:
            client = _client(self.settings)
            if create:
                return client.get_or_create_collection(
                    self.settings.collection,
                    metadata={"hnsw:space": "cosine", "embedding_model": self.model_id},
                    embedding_function=None,
                )
            return client.get_collection(self.settings.collection, embedding_function=None)
        except BaseException as exc:  # chromadb raises many types for a missing/corrupt store
            if not _chroma_failure(exc):
                raise
            if self.settings.chroma_url and _unreachable(exc):
                raise self._unreachable_error(exc) from None
            if not create and "does not exist" in str(exc).lower():
                raise IndexUnavailable(
                    "the course index has not been built yet; run `advisor ingest`"
                ) from None
            where = self.settings.chroma_url or self.settings.chroma_path
            raise IndexUnavailable(
                f"could not open the Chroma index at {where} ({type(exc).__name__}: {exc}); "
                "run `advisor ingest --rebuild` to rebuild it from the course files"
            ) from None

    def collection(self, create: bool = False):
        with self._lock:
            if self._collection is None:
                self._collection = self._open(create)
            return self._collection

    def _unreachable_error(self, exc: BaseException) -> IndexUnreachable:
        return IndexUnreachable(
            f"the course index is unavailable: the Chroma server at {self.settings.chroma_url} "
            f"does not answer ({type(exc).__name__}: {exc}); check that `chroma run` is up. "
            "Requests resume by themselves when it is back"
        )

    def _served(self, request: Callable[[], T]) -> T:
        """Runs one request against the collection; a server that does not answer is
        `IndexUnreachable` (the collection handle is kept: it works again once the server is
        back, without restarting this process)."""
        try:
            return request()
        except Exception as exc:
            if self.settings.chroma_url and _unreachable(exc):
                raise self._unreachable_error(exc) from None
            raise

    def exists(self) -> bool:
        try:
            return self.collection().count() > 0
        except IndexUnavailable:
            return False

    def reset(self) -> None:
        """Drops the collection (and a corrupt on-disk store) so it can be rebuilt."""
        self._collection = None
        try:
            _client(self.settings).delete_collection(self.settings.collection)
        except BaseException as exc:
            if not _chroma_failure(exc):
                raise
            _forget_client(self.settings)
            if not self.settings.chroma_url and self.settings.chroma_path.exists():
                shutil.rmtree(self.settings.chroma_path)

    def indexed(self) -> dict[str, dict]:
        """chunk_id → metadata for everything in the collection."""
        got = self.collection(create=True).get(include=["metadatas"])
        return dict(zip(got["ids"], got["metadatas"] or []))

    def stored_vectors(self, ids: list[str]) -> dict[str, list[float]]:
        """The indexed (normalised) embedding of each of these chunks, by id."""
        if not ids:
            return {}
        got = self._served(lambda: self.collection().get(ids=list(ids), include=["embeddings"]))
        return {cid: list(vector) for cid, vector in zip(got["ids"], got["embeddings"])}

    def all_chunks(self) -> list[tuple[str, str, dict]]:
        """(chunk_id, text, metadata) for every chunk; used by the lexical retriever. What it
        returns is the course being served (`knowledge.course.current`)."""
        got = self._served(lambda: self.collection().get(include=["documents", "metadatas"]))
        rows = list(zip(got["ids"], got["documents"], got["metadatas"]))
        course.serve_indexed(rows)
        return rows

    def ingest(
        self,
        paths: list[Path],
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> IngestReport:
        """Brings the index in line with ``paths``: embeds new/changed chunks, deletes stale ones.

        All files are parsed before anything is written, so a bad file leaves the index untouched.
        """
        course.know_paths(paths)
        documents = [self.read(Path(path)) for path in paths]
        return self.write(documents, rebuild=rebuild, progress=progress)

    def read(self, path: Path) -> ParsedFile:
        """One course file of any supported format, parsed and chunked (nothing is written)."""
        document, converted = parse_course_file(Path(path), self.settings.max_ingest_bytes)
        chunks = chunk_document(document, self.settings.chunk_max_chars)
        if not chunks:
            raise CorpusError(f"{path}: no text found under its headings; nothing to index")
        return document.source, chunks, list(converted.notices)

    def write(
        self,
        documents: list[ParsedFile],
        rebuild: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> IngestReport:
        """Brings the indexed chunks of these files in line with what was read (see `ingest`)."""
        report = IngestReport(sources=[source for source, _, _ in documents],
                              notices=[notice for _, _, notices in documents for notice in notices])
        if rebuild:
            self.reset()
            report.rebuilt = "rebuilding the index from scratch (--rebuild)"
        else:
            try:
                stored_model = (self.collection(create=True).metadata or {}).get("embedding_model")
            except IndexUnreachable:
                raise  # a server that does not answer is not a broken index: rebuild nothing
            except IndexUnavailable:
                self.reset()
                stored_model = None
                report.rebuilt = "the index could not be opened; rebuilt it from the course files"
            if stored_model and stored_model != self.model_id:
                self.reset()
                report.rebuilt = (
                    f"embedding model changed ({stored_model} → {self.model_id}): "
                    "rebuilding the whole index"
                )
        self._collection = None
        existing = self.indexed()
        collection = self.collection(create=True)

        pending: list[Chunk] = []
        for source, chunks, _ in documents:
            old = {cid: meta for cid, meta in existing.items() if meta.get("source") == source}
            new_ids = {chunk.chunk_id for chunk in chunks}
            to_add = [chunk for chunk in chunks if chunk.chunk_id not in old]
            stale = [cid for cid in old if cid not in new_ids]
            changed = min(len(to_add), len(stale))
            report.updated += changed
            report.added += len(to_add) - changed
            report.removed += len(stale) - changed
            report.unchanged += len(chunks) - len(to_add)
            if stale:
                collection.delete(ids=stale)
            pending += to_add
        self._embed_and_write(collection, pending, report, progress)
        self.all_chunks()  # serve what is indexed now
        return report

    def remove(self, source: str) -> int:
        """Deletes every chunk of one module (by its file name); returns how many there were."""
        collection = self.collection()
        ids = collection.get(where={"source": source}, include=[])["ids"]
        if ids:
            collection.delete(ids=ids)
            self.all_chunks()  # serve what is indexed now
        return len(ids)

    def _embed_and_write(self, collection, chunks: list[Chunk], report: IngestReport,
                         progress: Callable[[int, int], None] | None) -> None:
        """Embeds every new chunk of every file together, longest first, and writes them in slabs.

        One length-sorted pass pads each encoder batch to texts of about its own length, as a
        single `model.encode` over all texts does (encoding file by file in document order pads
        short chunks to long neighbours); each slab is written as soon as it is embedded, so an
        interrupted build keeps what it wrote and the next ingest embeds only the rest.
        """
        texts = [embedding_text(chunk) for chunk in chunks]
        order = sorted(range(len(chunks)), key=lambda i: len(texts[i]), reverse=True)
        size = self.settings.ingest_slab  # chunks per step of a build (a resumable unit)
        for start in range(0, len(order), size):
            slab = order[start : start + size]
            vectors = self.embedder.encode([texts[i] for i in slab])
            collection.upsert(
                ids=[chunks[i].chunk_id for i in slab],
                embeddings=vectors,
                documents=[chunks[i].text for i in slab],
                metadatas=[chunks[i].metadata() for i in slab],
            )
            report.embedded += len(slab)
            if progress:
                progress(report.embedded, len(chunks))
        return report

    def query(self, vector: list[float], k: int) -> list[tuple[str, str, dict, float]]:
        """(chunk_id, text, metadata, cosine similarity) for the k nearest chunks."""
        collection = self.collection()
        got = self._served(lambda: collection.query(
            query_embeddings=[vector],
            n_results=max(1, min(k, collection.count())),
            include=["documents", "metadatas", "distances"],
        ))
        return [
            (cid, doc, meta, 1.0 - float(dist))
            for cid, doc, meta, dist in zip(
                got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0]
            )
        ]


def ensure_index(settings: "Settings", index: CourseIndex | None = None) -> IngestReport:
    """Builds the index from the configured corpus when missing or stale (cheap when current)."""
    index = index or CourseIndex(settings)
    return index.ingest(list(settings.corpus_paths))
