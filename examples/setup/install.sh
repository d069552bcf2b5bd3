# The library, with what it needs to sign in with a key:
pip install "sfapi-client-codegen[auth]"
# ... and the `sfapi` command, and the simulator for tests:
pip install "sfapi-client-codegen[auth,cli,sim]"
