"""Real servers for the multi-replica test and bench: PostgreSQL (Debian's initdb/pg_ctl on a
temporary folder), `chroma run`, and `advisor ui` replicas, all on free loopback ports.

Plain functions raising `ServerUnavailable` (not pytest calls), so bench/replicas.py can use
them too. PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user
(created by the Debian package) on a folder handed to it.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from vector_seed import share_vectors

ROOT = Path(__file__).resolve().parent.parent
CHROMA = Path(sys.executable).parent / "chroma"


class ServerUnavailable(RuntimeError):
    """A server binary is missing here (install it with .ci/server-deps)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ServerUnavailable("PostgreSQL is not installed (no initdb); run `bash .ci/server-deps`")


@dataclass
class Postgres:
    folder: Path
    port: int
    password: str
    _as: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"postgresql://advisor:{self.password}@127.0.0.1:{self.port}/advisor"

    def restart(self) -> None:
        """`pg_ctl restart -m fast`: every open connection is cut, the server comes back on the
        same port with the same data (the fault tests)."""
        done = subprocess.run([*self._as, str(postgres_bin() / "pg_ctl"), "-D",
                               str(self.folder / "data"), "-l", str(self.folder / "log"),
                               "-m", "fast", "-w", "restart"],
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl restart failed: {done.stdout}{done.stderr}")

    def stop(self) -> None:
        subprocess.run([*self._as, str(postgres_bin() / "pg_ctl"), "-D", str(self.folder / "data"),
                        "-m", "fast", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres() -> Postgres:
    """A fresh cluster with database `advisor` (user advisor, password auth) on loopback."""
    binaries = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
    password = secrets.token_hex(12)
    (folder / "password").write_text(password)
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse root
        if shutil.which("runuser") is None:
            raise ServerUnavailable("running as root without runuser: cannot start PostgreSQL")
        run_as = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
        shutil.chown(folder / "password", "postgres")
    server = Postgres(folder, free_port(), password, run_as)

    def run(*command: str) -> None:
        done = subprocess.run([*run_as, *command], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise ServerUnavailable(f"{command[0]} failed: {done.stdout}{done.stderr}")

    run(str(binaries / "initdb"), "-D", str(folder / "data"), "-U", "advisor", "-E", "UTF8",
        "--no-locale", "--auth=scram-sha-256", f"--pwfile={folder / 'password'}")
    try:
        run(str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"), "-w",
            "-o", f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 "
            "-c max_connections=200", "start")
        import psycopg

        with psycopg.connect(server.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE advisor")
    except BaseException:
        server.stop()
        raise
    return server


@dataclass
class Process:
    process: subprocess.Popen
    url: str
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(30)


def _wait(process: subprocess.Popen, url: str, log: Path, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}:\n"
                               + log.read_text()[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"{what} did not answer in {seconds:.0f} s:\n"
                               + log.read_text()[-3000:])
        time.sleep(0.5)


def start_chroma(folder: Path, port: int | None = None) -> Process:
    """`chroma run` on ``folder``/chroma-server; ``port`` restarts one where it was (the fault
    tests stop the server and bring it back at the same address)."""
    if not CHROMA.exists():
        raise ServerUnavailable(f"{CHROMA} is not installed")
    port = port or free_port()
    log = folder / "chroma.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [str(CHROMA), "run", "--host", "127.0.0.1", "--port", str(port), "--path",
             str(folder / "chroma-server")],
            stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    _wait(process, f"{url}/api/v2/heartbeat", log, 60, "chroma run")
    return Process(process, url, log)


def start_replicas(folder: Path, count: int, database_url: str, chroma_url: str,
                   **settings: str) -> list[Process]:
    """`count` `advisor ui` processes, each with its own data folder, sharing one database and
    one Chroma server; started together (they migrate the schema at the same moment)."""
    replicas = []
    for number in range(count):
        data_dir = folder / f"replica-{number}"
        data_dir.mkdir(parents=True, exist_ok=True)
        share_vectors(data_dir)
        env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
        env.update(ADVISOR_DATA_DIR=str(data_dir), ADVISOR_DATABASE_URL=database_url,
                   ADVISOR_CHROMA_URL=chroma_url, GRADIO_ANALYTICS_ENABLED="False",
                   PYTHONUNBUFFERED="1",
                   **{f"ADVISOR_{k.upper()}": str(v) for k, v in settings.items()})
        port = free_port()
        log = folder / f"replica-{number}.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "assistant.cli", "ui", "--port", str(port)],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        replicas.append(Process(process, f"http://127.0.0.1:{port}/", log))
    try:
        for number, replica in enumerate(replicas):
            _wait(replica.process, replica.url, replica.log, 600, f"replica {number}")
    except BaseException:
        for replica in replicas:
            replica.stop()
        raise
    return replicas
