"""A Dask client: a local cluster sized to the machine, or an existing scheduler.

The local cluster has one single-threaded worker process per core (extraction is pure Python:
threads would share one GIL), a memory limit per worker, no dashboard, and listens on the
loopback interface only, so a batch run opens no port another machine can reach.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator

# The memory a worker may use before Dask's nanny restarts it (its tasks are then retried
# elsewhere). Extraction of a partition stays far below this (docs/scale.md: ~150-250 MB per
# worker); the cap keeps a runaway input from taking the machine.
MAX_WORKER_MEMORY = 2 * 1024**3
# Share of the machine's memory the local cluster may use in total.
MEMORY_SHARE = 0.75
CONNECT_TIMEOUT_S = 10
# Dask settings for the local cluster (its nannies pass them on to the worker processes).
# Dask samples the stack of every running task every 10 ms for the dashboard's profile view,
# and wakes its event loops many times a second to watch them; with the dashboard off that is
# CPU taken from extraction (measured on 1,500 reports: workers 10.7 -> 9.8 ms per report,
# client and scheduler 2.7 -> 1.3 s).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class ScaleError(Exception):
    """A distributed run cannot start (bad option, unreachable scheduler); str() is one line."""


def local_workers() -> int:
    """Cores this process may use (cgroup and affinity limits included)."""
    from dask.system import CPU_COUNT
    return max(1, CPU_COUNT)


def worker_memory_limit(n_workers: int) -> int:
    import psutil
    return int(min(MAX_WORKER_MEMORY, psutil.virtual_memory().total * MEMORY_SHARE / n_workers))


@contextmanager
def dask_client(scheduler: str | None = None, *, n_workers: int | None = None,
                memory_limit: int | None = None) -> Iterator:
    """A connected dask.distributed Client; the local cluster (if any) is closed afterwards."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ScaleError("--engine dask needs dask.distributed: pip install 'nkevents[scale]'")
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as e:
            raise ScaleError(f"{scheduler}: cannot reach the Dask scheduler ({_first_line(e)})")
        try:
            yield client
        finally:
            client.close()
        return
    import dask

    n = n_workers or local_workers()
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               memory_limit=memory_limit or worker_memory_limit(n),
                               host="127.0.0.1", scheduler_port=0, dashboard_address=None,
                               # no dashboard; the scheduler's health endpoint on a free
                               # loopback port (not 8787, which another cluster may hold)
                               scheduler_kwargs={"dashboard": False,
                                                 "dashboard_address": "127.0.0.1:0"},
                               silence_logs=logging.ERROR)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()


def worker_count(client) -> int:
    """Worker threads the scheduler has now (at least 1, to size the submission window)."""
    info = client.scheduler_info()
    return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))


def _first_line(e: BaseException) -> str:
    text = str(e) or type(e).__name__
    return text.splitlines()[0]
