"""The bottom of the house: the settings object, the error base, the text toolkit, the course
parser and chunker, the embedder, the Chroma index and retrieval. Imports nothing above it.

Its public surface is `__all__` (re-exported lazily); everything else is an implementation
detail of its module.
"""

_EXPORTS = {
    "Settings": "knowledge.settings",
    "get_settings": "knowledge.settings",
    "DEFAULT_CORPUS": "knowledge.settings",
    "AdvisorError": "knowledge.errors",
    "Kind": "knowledge.errors",
    "parse_file": "knowledge.parsing",
    "CorpusError": "knowledge.parsing",
    "kpi_source": "knowledge.parsing",
    "chunk_document": "knowledge.chunking",
    "CourseIndex": "knowledge.index",
    "IndexUnavailable": "knowledge.index",
    "CourseRetriever": "knowledge.retrieve",
    "IngestProgress": "knowledge.modules",
    "ModuleInfo": "knowledge.modules",
    "add_modules": "knowledge.modules",
    "list_modules": "knowledge.modules",
    "remove_module": "knowledge.modules",
    "supported_suffixes": "knowledge.formats",
    "Citation": "knowledge.types",
    "Passage": "knowledge.types",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    # Lazy re-exports (PEP 562): importing the package stays cheap and cycle-free.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
