"""A local, faithful SF API: a real FastAPI server with a real OAuth2 token endpoint.

Start it with ``sfapi-sim serve`` (or :func:`sfapi_sim.testing.running_simulator` from
Python); it serves the API of ``spec/openapi.json`` under ``/api/v1.2``, validated with
the generated models, and keeps its state (jobs, tasks, files, accounts) in memory and
in a temporary folder.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
