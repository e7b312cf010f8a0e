"""The server process's C heap: fewer malloc arenas, and freed memory handed back to the system.

Measured in-process (`advisor ui` as built by `ui.cli`, 4 sessions × 10 answers, bench/results.md
Notes): the resident memory grew 89 MiB over 40 answers while the Python objects it holds grew 8
MiB. glibc gives each thread that allocates its own arena (up to 8 per core), and a server's
threads (Gradio's workers, one stream thread per answer, the encoder) each leave freed memory
in theirs that the process keeps: with 2 arenas the same run grew 58 MiB, and `malloc_trim`
returned a further 9 to 33 MiB. Neither is a leak (the memory is reused), but it makes the
resident memory of a replica climb for a long time before it levels off, so a soak cannot
tell a leak from it. On a C library other than glibc both calls do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

M_ARENA_MAX = -8  # glibc's mallopt parameter
ARENAS = 2


def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def limit_arenas(arenas: int = ARENAS) -> bool:
    """At most `arenas` malloc arenas for the threads made from now on (call it at start-up);
    MALLOC_ARENA_MAX in the environment, an operator's choice, wins. True when applied."""
    libc = _libc()
    if libc is None or "MALLOC_ARENA_MAX" in os.environ:
        return False
    return bool(libc.mallopt(M_ARENA_MAX, arenas))


def return_freed_memory() -> bool:
    """Hands the C heap's free pages back to the system (glibc `malloc_trim`); True if any were."""
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False
