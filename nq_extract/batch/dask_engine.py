"""The same per-document function on a dask.distributed cluster.

``address`` is a scheduler address (``tcp://host:8786``) or ``local`` for a
``LocalCluster`` of ``workers`` single-threaded processes on this machine.
The workers need nq_extract installed and, unless ``ship_bytes``, the input
paths readable under the same names (a shared filesystem). Results come
back to this process, which writes them exactly as the local pool does.

Isolation on a cluster: the time limit and memory cap act inside the task
(watchdog); a task that kills its worker is retried once by the scheduler
(``distributed.scheduler.allowed-failures = 1`` on a LocalCluster; set it on
your scheduler) and then recorded as ``crashed``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .worker import DEFAULT_PROCESSOR, Limits, Outcome, Task, failure_outcome, run_document

IN_FLIGHT_PER_THREAD = 4


def _task_with_bytes(task: Task) -> Task:
    try:
        return Task(key=task.key, path=task.path, data=Path(task.path).read_bytes())
    except OSError:
        return task  # the worker will report it missing or unreadable


def run(
    tasks: list[Task],
    address: str,
    *,
    workers: int | None = None,
    options: dict[str, Any] | None = None,
    limits: Limits | None = None,
    processor: str = DEFAULT_PROCESSOR,
    with_text: bool = False,
    ship_bytes: bool = False,
    html: bool = False,
) -> Iterator[Outcome]:
    import dask
    from distributed import Client, LocalCluster, as_completed

    from .pool import default_workers, warm_up

    options = dict(options or {})
    limits = limits or Limits()
    cluster = None
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        if address == "local":
            cluster = LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                memory_limit=f"{(limits.memory_mb or 0) * 2}MB" if limits.memory_mb else "auto",
            )
            client = Client(cluster)
        else:
            client = Client(address)
    try:
        try:  # imports and patterns, outside the first document's time limit, on workers joining later too
            from distributed.diagnostics.plugin import WorkerPlugin

            class WarmUp(WorkerPlugin):
                name = "nq-extract-warm-up"

                def setup(self, worker: Any) -> None:
                    warm_up()

            client.register_plugin(WarmUp())
        except (ImportError, AttributeError, TypeError):  # an older distributed
            client.run(warm_up)
        threads = max(1, sum(client.nthreads().values()))
        pending = iter(tasks)
        by_future: dict[Any, Task] = {}
        ac = as_completed()

        def submit_one() -> bool:
            task = next(pending, None)
            if task is None:
                return False
            sent = _task_with_bytes(task) if ship_bytes else task
            fut = client.submit(
                run_document,
                sent,
                options,
                limits,
                processor,
                with_text=with_text,
                html=html,
                pure=False,
                key=f"nq-{task.key[:24]}-{id(task)}",
            )
            by_future[fut] = task
            ac.add(fut)
            return True

        for _ in range(threads * IN_FLIGHT_PER_THREAD):
            if not submit_one():
                break
        for fut in ac:
            task = by_future.pop(fut)
            try:
                out = fut.result()
            except Exception as err:  # noqa: BLE001 - KilledWorker and friends: this document only
                name = type(err).__name__
                status = "crashed" if name == "KilledWorker" else "error"
                out = failure_outcome(task, status, f"{name}: {err}"[:500], attempts=2 if status == "crashed" else 1)
            fut.release()
            yield out
            submit_one()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
