"""``sfapi``: the Superfacility API from a shell, built on the ``sfapi_client`` package."""
