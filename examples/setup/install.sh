# In a virtual environment of Python 3.11 or newer. The package is not on a package
# index; install it from the repository, one of three ways:
# 1. From a clone of this repository, in the clone's folder:
pip install ".[auth,sim]"
# 2. Straight from git, without a clone (<clone URL> is the URL you would clone):
pip install "sfapi-client-codegen[auth,sim] @ git+<clone URL>"
# 3. From the wheel that `make dist` builds in a clone (dist/ holds it and the sdist):
pip install "$(ls dist/*.whl)[auth,sim]"
# Add the cli extra for the sfapi command: ".[auth,sim,cli]"
