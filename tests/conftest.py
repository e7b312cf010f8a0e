"""Shared fixtures: isolated settings, no network, and one course index built per session.

Every test starts from the same clean settings whatever the developer's machine holds: no
``.env`` file is read, every ``ADVISOR_*`` variable is unset except ``ADVISOR_DATA_DIR``, which
points at a pytest temporary folder (no test may touch the repository's own ``.advisor/``), and
the ``get_settings()`` cache is empty. A test sets what it needs with ``use_settings`` or
``monkeypatch.setenv``.

The network is blocked (pytest-socket, ``--disable-socket`` in the ini); a test that starts or
calls a local server carries ``@pytest.mark.loopback`` and may then connect to 127.0.0.1 /
localhost only. Hub, Chroma/PostHog and Gradio telemetry are switched off for this process and
every child it starts (tests/servers.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

if os.environ.get("PYTEST_XDIST_WORKER"):
    # `make test` runs two workers on two cores: one math thread each, not two each fighting.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")

from servers import LOOPBACK, OFFLINE_ENV  # noqa: E402

os.environ.update(OFFLINE_ENV)  # before any library reads it: forced, not defaulted

import numpy as np  # noqa: E402
import pytest  # noqa: E402
import pytest_socket  # noqa: E402

from assistant.settings import DEFAULT_CORPUS, Settings, get_settings  # noqa: E402
from knowledge.embeddings import Embedder
from knowledge.index import CourseIndex


class MemoEmbedder(Embedder):
    """The real bundled model, embedding each distinct text once per test session.

    Embedding the course takes ~15 s of CPU; with the vectors remembered, a test can build its
    own throwaway index in well under a second and still get the model's real vectors.
    """

    def __init__(self, model_path: Path) -> None:
        super().__init__(model_path)
        self._memo: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        texts = list(texts)
        missing = [text for text in dict.fromkeys(texts) if text not in self._memo]
        if missing:
            self._memo.update(zip(missing, super().encode(missing, batch_size)))
        return np.stack([self._memo[text] for text in texts])


def _clean_settings(patch: pytest.MonkeyPatch, data_dir: Path) -> None:
    for name in [name for name in os.environ if name.startswith("ADVISOR_")]:
        patch.delenv(name)
    patch.setenv("ADVISOR_DATA_DIR", str(data_dir))
    patch.setitem(Settings.model_config, "env_file", None)  # a developer's .env stays out
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def default_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where ``get_settings()`` points when a test sets nothing."""
    return tmp_path_factory.mktemp("default-data-dir")


@pytest.fixture(scope="session", autouse=True)
def _session_settings(default_data_dir: Path) -> Iterator[None]:
    """Clean settings for the session- and module-scoped fixtures too."""
    with pytest.MonkeyPatch.context() as patch:
        _clean_settings(patch, default_data_dir)
        yield
    get_settings.cache_clear()


@pytest.fixture(autouse=True)
def _clean_settings_per_test(default_data_dir: Path) -> Iterator[None]:
    """Each test starts from clean settings, whatever an earlier test left in os.environ."""
    with pytest.MonkeyPatch.context() as patch:
        _clean_settings(patch, default_data_dir)
        yield
    get_settings.cache_clear()


# Libraries swallow errors from their telemetry threads, so a blocked attempt is recorded where
# pytest-socket raises it and reported as a failure of the test during which it happened.
_NETWORK_ATTEMPTS: list[str] = []


def _record_attempts(error: type[Exception]) -> None:
    original = error.__init__

    def init(self, *args, **kwargs) -> None:
        _NETWORK_ATTEMPTS.append(f"{error.__name__}: {args[:2]}")
        original(self, *args, **kwargs)

    error.__init__ = init


_record_attempts(pytest_socket.SocketBlockedError)
_record_attempts(pytest_socket.SocketConnectBlockedError)


@pytest.fixture(autouse=True)
def _no_network_attempts() -> Iterator[None]:
    """Fails a test during which anything tried to reach the network, even if it was caught."""
    before = len(_NETWORK_ATTEMPTS)
    yield
    if attempts := _NETWORK_ATTEMPTS[before:]:
        pytest.fail(f"tried to use the network: {attempts[:3]}", pytrace=False)


# Files whose tests run longest go first, so that `make test` on two workers (pytest-xdist,
# ``--dist loadgroup``) does not end with one worker running them alone.
LONGEST_FIRST = ("test_independent_sets.py",)


@pytest.hookimpl(tryfirst=True)  # the groups are marked before pytest-xdist reads them
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    grouped = bool(config.getoption("loadgroup", False))  # a pytest-xdist worker, --dist loadgroup
    for item in items:
        # pytest-socket: a loopback test may connect to this machine's own servers, nowhere else.
        if item.get_closest_marker("loopback"):
            item.add_marker(pytest.mark.allow_hosts([LOOPBACK, "localhost", "::1"]))
        # One worker per file (its module fixtures and servers are built once), unless the test
        # names a group of its own. Tests that start servers or a browser share one worker, so
        # that two servers and two browsers never compete for the two cores.
        if not item.get_closest_marker("xdist_group"):
            serves = item.get_closest_marker("browser") or item.get_closest_marker("server")
            item.add_marker(pytest.mark.xdist_group("servers" if serves else item.path.name))
        if grouped:
            _join_group(item)
    items.sort(key=lambda item: item.path.name not in LONGEST_FIRST)  # stable: files stay whole


def _join_group(item: pytest.Item) -> None:
    """Writes the test's xdist group into its id ("...::test@group"), which is all that
    ``--dist loadgroup`` schedules by.

    pytest-xdist 3.8 writes the suffix into ``item._nodeid``, which pytest 9.2 no longer reads
    (the id lives in ``item._id``): every test was then a unit of its own and a file's tests were
    dealt to both workers one by one, so a module's server or browser page was built again in
    the middle of the file, without what the file's earlier tests had done there (stop 32: the
    learner-API and citation-panel tests failed on two workers). Where pytest still keeps the
    id in ``_nodeid``, xdist's own hook appends the suffix and nothing is done here.
    """
    if "@" in item.nodeid or not hasattr(item, "_id"):
        return
    from _pytest.nodeid import NodeId

    groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                     for mark in item.iter_markers("xdist_group")})
    item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(groups)}")


@pytest.fixture
def report_measure(record_property: Callable[[str, object], None]) -> Callable[[str], None]:
    """Records a measured figure (a pass rate, a round-trip share) for the run's summary.

    Printed under "measured" at the end of the run, on one worker or several (a worker's own
    output is not shown by pytest-xdist).
    """
    return lambda line: record_property("measured", line)


def pytest_terminal_summary(terminalreporter) -> None:
    lines = [value for reports in terminalreporter.stats.values() for report in reports
             if getattr(report, "when", None) == "call"
             for key, value in getattr(report, "user_properties", ()) if key == "measured"]
    if lines:
        terminalreporter.section("measured")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _python_children_only_in_slow_tests(request: pytest.FixtureRequest,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that starts a Python child process must say so with ``@pytest.mark.slow``."""
    if request.node.get_closest_marker("slow"):
        return
    popen_init = subprocess.Popen.__init__

    def guarded(self, args, *rest, **kwargs):
        command = [args] if isinstance(args, (str, os.PathLike)) else list(args)
        if command and str(command[0]) == sys.executable:
            raise AssertionError(f"{request.node.nodeid} starts a Python child process: "
                                 "mark it @pytest.mark.slow")
        popen_init(self, args, *rest, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", guarded)


@pytest.fixture(scope="session")
def embedder() -> MemoEmbedder:
    """Pass as ``CourseIndex(settings, embedder=embedder)`` to build indexes cheaply."""
    return MemoEmbedder(Settings().resolved_embedding_model())


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory: pytest.TempPathFactory, embedder: MemoEmbedder) -> Settings:
    """Settings whose data folder holds an index of the bundled course. Treat it as read-only."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("built-index"))
    CourseIndex(settings, embedder=embedder).ingest(settings.corpus_paths)
    return settings


@pytest.fixture
def fresh_settings(tmp_path: Path) -> Settings:
    """Settings on an empty data folder of this test's own."""
    return Settings(data_dir=tmp_path / "advisor")


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled course, under the same file name (so the same chunk ids)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    return Path(shutil.copy(DEFAULT_CORPUS, folder / DEFAULT_CORPUS.name))


@pytest.fixture
def use_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Settings]]:
    """Points ``get_settings()``, which the CLI reads, at a data folder (plus ADVISOR_* extras).

    ``use_settings(settings, max_ingest_bytes=60_000)`` sets ADVISOR_DATA_DIR from ``settings``
    and ADVISOR_MAX_INGEST_BYTES=60000, then returns the settings the CLI will see.
    """

    def use(settings: Settings, **extra: object) -> Settings:
        monkeypatch.setenv("ADVISOR_DATA_DIR", str(settings.data_dir))
        if settings.chroma_url:
            monkeypatch.setenv("ADVISOR_CHROMA_URL", settings.chroma_url)
        for name, value in extra.items():
            monkeypatch.setenv(f"ADVISOR_{name.upper()}", str(value))
        get_settings.cache_clear()
        return get_settings()

    yield use
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def advisor(built_settings: Settings, embedder: MemoEmbedder):
    """One offline Advisor over the built course index, shared by the engine tests."""
    from assistant.engine import Advisor

    return Advisor(built_settings, embedder=embedder)
