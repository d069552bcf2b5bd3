"""Stage 7a: format generated Python with black, in-process (black is pinned).

Formatting dominates the run time, so modules are formatted in worker processes while
the main process goes on. Hand-written static copies are not reformatted: they are kept
formatted in the repository (``make lint``) and copied verbatim.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from .problems import fail

LINE_LENGTH = 100

#: A queued formatting job: the module's path and its future text.
Formatting = list[tuple[str, "Future[str] | str"]]


def format_python(path: str, source: str) -> str:
    """Black-formatted source; a generator bug (invalid Python) becomes a clear error.

    black is imported here, in the worker processes, so that starting the generator
    stays fast.
    """
    import black
    from black.mode import TargetVersion
    from black.parsing import InvalidInput

    mode = black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)
    try:
        return black.format_str(source, mode=mode)
    except InvalidInput as exc:
        raise fail(f"generated code is not valid Python: {exc}", source=path) from None


def worker_pool() -> ProcessPoolExecutor:
    """Worker processes for the slow stages (forked, so they share the loaded modules)."""
    workers = max(2, min(os.cpu_count() or 1, 4))
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


def submit_formatting(pool: ProcessPoolExecutor, sources: dict[str, str]) -> Formatting:
    """Queue the Python modules among ``sources``; other files pass as they are."""
    return [
        (path, pool.submit(format_python, path, text) if path.endswith(".py") else text)
        for path, text in sources.items()
    ]


def collect_formatting(queued: Formatting) -> dict[str, str]:
    """Wait for the queued modules; re-raise the first error (a GeneratorError)."""
    return {path: job if isinstance(job, str) else job.result() for path, job in queued}
