"""Shared fixtures: the simulator plugin provides a running SF API on 127.0.0.1."""

pytest_plugins = ["sfapi_sim.pytest_plugin"]
