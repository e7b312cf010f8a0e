"""`make test` on two workers keeps each file's tests on one worker (pytest-xdist, --dist
loadgroup, the groups set in tests/conftest.py): a module's fixtures, such as a browser test's
server, are built once and see what the file's earlier tests did there.

A tiny suite of two files runs under the project's conftest on two workers; each test writes
down the worker that ran it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from servers import ROOT, child_env

pytestmark = pytest.mark.slow  # starts pytest with two worker processes

FILE = '''
import os
from pathlib import Path

def _note(name):
    with open(Path(__file__).parent / "ran.txt", "a") as out:
        out.write(f"{__name__} {os.environ['PYTEST_XDIST_WORKER']} {name}\\n")

''' + "".join(f"def test_{n}():\n    _note({n})\n\n" for n in range(6))


def test_a_files_tests_run_on_one_worker(tmp_path: Path):
    (tmp_path / "conftest.py").write_text(  # the project's grouping hook, nothing else
        "import importlib.util, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
        f"spec = importlib.util.spec_from_file_location('project_conftest', {str(ROOT / 'tests' / 'conftest.py')!r})\n"
        "project = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(project)\n"
        "pytest_collection_modifyitems = project.pytest_collection_modifyitems\n")
    for name in ("test_first.py", "test_second.py"):
        (tmp_path / name).write_text(FILE)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2",
         "--dist", "loadgroup", "--no-loadscope-reorder", "--rootdir", str(tmp_path),
         "-c", "/dev/null", str(tmp_path)],
        cwd=tmp_path, env=child_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    ran = [line.split() for line in (tmp_path / "ran.txt").read_text().splitlines()]
    assert len(ran) == 12
    workers = {module: {worker for m, worker, _ in ran if m == module} for module, _, _ in ran}
    assert all(len(used) == 1 for used in workers.values()), workers
