"""The two worker processes of a run, each loading what its tasks need before they come.

Loading the libraries is a large part of a cold run: importing the model generator
takes longer than making the models. So each worker's first task is to load its
libraries, and it does so while the main process reads, normalises and renders; the
real tasks then find everything loaded.

- ``models`` makes the pydantic models (datamodel-code-generator, ``models.py``).
- ``checks`` validates the document (openapi-pydantic) and formats (black) a share of
  the modules, as does the main process.

One process each, forked (so they share what the main process has loaded), so that a
task goes to the worker that has loaded its libraries.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

from .collector import loading, own_this_process
from .fmt import load_black
from .load import load_validator
from .models import load_model_generator
from .timeline import Timed, stage


@dataclass(frozen=True)
class Workers:
    """The worker processes of one run, by the work they do."""

    models: ProcessPoolExecutor
    checks: ProcessPoolExecutor


@contextmanager
def started() -> Iterator[Workers]:
    """Both workers, started now and loading their libraries; shut down on leaving.

    pydantic, which both workers' libraries build on, is loaded first, once, for both
    (a fork shares it; the time is the ``models`` worker's either way). The ``models``
    worker starts next, so its loading (the longest) starts soonest. The main process
    then loads black, which it needs too, and the ``checks`` worker starts from it with
    black loaded.
    """
    context = multiprocessing.get_context("fork")
    with stage("load pydantic"), loading():
        # pydantic loads its parts when first used: these are the ones both use.
        import pydantic.json_schema
        import pydantic.main
        import pydantic.root_model
        import pydantic.types  # noqa: F401
    with ExitStack() as stack:
        models = stack.enter_context(
            ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=own_this_process)
        )
        models.submit(Timed("load the model generator", load_model_generator, "models"))
        with stage("load black"):
            load_black()
        checks = stack.enter_context(
            ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=own_this_process)
        )
        checks.submit(Timed("load the validator", load_validator, "checks"))
        yield Workers(models, checks)
