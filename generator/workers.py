"""The two worker processes of a run, and what each does when.

Loading the libraries is a large part of a cold run: importing the model generator
takes longer than making the models. So the ``models`` worker starts first and loads
its libraries while the main process reads, normalises and renders; its real tasks then
find everything loaded.

- ``models`` makes the pydantic models (datamodel-code-generator, ``models.py``), then
  validates the document (openapi-pydantic, ``Validation``). Both libraries build on
  pydantic, which only this process loads.
- ``formatting`` formats (black) a share of the modules, as the main process does.

One process each, forked (so they share what the main process has loaded), so that a
task goes to the worker that has loaded its libraries.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from .collector import own_this_process
from .fmt import load_black
from .load import validate_spec
from .models import load_model_generator
from .timeline import Timed, name_this_process, stage


@dataclass(frozen=True)
class Workers:
    """The worker processes of one run, by the work they do."""

    models: ProcessPoolExecutor
    formatting: ProcessPoolExecutor


def _worker(name: str) -> None:
    """The first thing a worker does: take its name for the timeline, and own its
    process (``collector.py``)."""
    own_this_process()
    name_this_process(name)


@contextmanager
def started() -> Iterator[Workers]:
    """Both workers, started now; shut down on leaving.

    The ``models`` worker starts first, from a process that has loaded little, and
    loads pydantic and the model generator (the longest loading of a run) while the
    main process loads black and goes on. The ``formatting`` worker starts from the
    main process once black is loaded, so it has nothing left to load.
    """
    context = multiprocessing.get_context("fork")
    with ExitStack() as stack:
        models = stack.enter_context(
            ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=functools.partial(_worker, "models")
            )
        )
        models.submit(Timed("load the model generator", load_model_generator))
        with stage("load black"):
            load_black()
        formatting = stack.enter_context(
            ProcessPoolExecutor(
                max_workers=1,
                mp_context=context,
                initializer=functools.partial(_worker, "formatting"),
            )
        )
        yield Workers(models, formatting)


class Validation:
    """The validation of the document (openapi-pydantic) in the ``models`` worker.

    It starts when the models have been asked for (``start``), so that it queues behind
    them: the models are on the run's longest path, and validation is not. When a
    failure needs explaining before then, ``result`` starts it at once: a document that
    breaks the OpenAPI schema explains any failure best.
    """

    def __init__(self, workers: Workers, document: dict[str, Any], source: str) -> None:
        self._pool = workers.models
        self._document = document
        self._source = source
        self._job: Future[None] | None = None

    def start(self) -> Future[None]:
        """Queue the validation (once); its job."""
        if self._job is None:
            task = Timed("validate", validate_spec)
            self._job = self._pool.submit(task, self._document, self._source)
        return self._job

    def result(self) -> None:
        """Wait for the validation; raise its GeneratorError if the document is invalid."""
        job = self.start()
        with stage("wait: validate"):
            job.result()
