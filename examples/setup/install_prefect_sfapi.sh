# In a clone of this repository, in the virtual environment of the client: the client
# with its key signing, then the Prefect integration (it brings Prefect 3).
pip install ".[auth]"
pip install integrations/prefect-sfapi
# Optional: register its block type with your Prefect server, for the UI.
prefect block register -m prefect_sfapi
