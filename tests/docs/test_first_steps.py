"""A new user's first steps say the same thing everywhere: README, the site's getting
started page (through the files it includes) and ``make sim`` show one install, one
way to start the simulator and one first script; and every Python block on the site
names its file, so that a reader knows what to save it as."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from sfapi_client import Client
from sfapi_sim.cli import DEFAULT_PORT, _parser
from tests.docs.readme import (
    ROOT,
    commands,
    install_commands,
    readme_block,
    simulator_command,
)

DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

PYTHON_FENCE = re.compile(r"^\s*```python(.*)$")
SNIPPET = re.compile(r'^\s*--8<-- "([^"]+)"\s*$')
TITLE = re.compile(r'\btitle="([^"]+)"')


def test_readme_installs_from_a_clone_a_git_url_and_a_wheel() -> None:
    clone, git_url, wheel = install_commands()
    assert clone == 'pip install ".[auth,sim]"'
    assert git_url.startswith('pip install "sfapi-client-codegen[auth,sim] @ git+')
    assert "dist/*.whl" in wheel and wheel.endswith('[auth,sim]"')


def test_the_site_shows_readmes_install_commands() -> None:
    site = [
        line
        for line in commands((EXAMPLES / "setup" / "install.sh").read_text())
        if line.startswith("pip install")
    ]
    assert site == install_commands()


def test_readme_first_job_is_the_sites_example() -> None:
    """The home page shows examples/first_job.py, which tests/examples runs against the
    simulator; README shows the same script."""
    assert readme_block("first_job.py") == (EXAMPLES / "first_job.py").read_text()
    assert 'title="first_job.py"' in (DOCS / "index.md").read_text()


def test_readme_getting_started_and_make_sim_start_the_simulator_alike() -> None:
    command = simulator_command()
    (site,) = commands((EXAMPLES / "setup" / "start_simulator.sh").read_text())
    assert site == command
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile[makefile.index("\nsim: ") + 1 :].splitlines()[1].strip()
    assert recipe == f"$(BIN)/{command}"
    # The port the pages show is the command's default, and not the site server's.
    arguments = _parser().parse_args(command.split()[1:])
    assert arguments.port == DEFAULT_PORT != 8000
    assert f"127.0.0.1:{DEFAULT_PORT}/" in (EXAMPLES / "setup" / "start_simulator.sh").read_text()
    assert "--port" not in command


def site_pages() -> list[Path]:
    return sorted(page for page in DOCS.rglob("*.md") if "reference" not in page.parts)


def test_every_python_block_on_the_site_names_its_file() -> None:
    unnamed = []
    for page in site_pages():
        lines = page.read_text().splitlines()
        for number, line in enumerate(lines):
            fence = PYTHON_FENCE.match(line)
            if fence is None:
                continue
            included = SNIPPET.match(lines[number + 1])
            title = TITLE.search(fence.group(1))
            if included is None or title is None:
                unnamed.append(f"{page.relative_to(ROOT)}:{number + 1}")
                continue
            # A whole file is shown under its own name.
            assert ":" not in included.group(1), f"{page}: a part of a file is shown"
            assert title.group(1) == Path(included.group(1)).name, f"{page}:{number + 1}"
    assert unnamed == []


def test_pages_with_examples_that_need_connection_py_say_where_it_is() -> None:
    needs_connection = {
        path.name for path in EXAMPLES.glob("*.py") if "from connection import" in path.read_text()
    }
    assert len(needs_connection) >= 8
    for page in site_pages():
        text = page.read_text()
        shown = {Path(name).name for name in SNIPPET.findall(text)} & needs_connection
        if shown:
            assert (
                "connection.py" in text and "getting-started.md#the-examples-settings" in text
            ) or page.name == "getting-started.md", page.name


def test_the_export_lines_name_every_setting_the_client_reads() -> None:
    settings = {"SFAPI_KEY", "SFAPI_BASE_URL", "SFAPI_TOKEN_URL", "SFAPI_WAIT_INTERVAL"}
    client_doc = inspect.getdoc(Client) or ""
    assert all(f"``{name}``" in client_doc for name in settings)
    connection = (EXAMPLES / "connection.py").read_text()
    assert set(re.findall(r"SFAPI_[A-Z_]+", connection)) == settings
    shown = (EXAMPLES / "setup" / "start_simulator.sh").read_text()
    assert {name for name in settings if f"export {name}=" in shown} == settings
    getting_started = (DOCS / "getting-started.md").read_text()
    assert all(f"`{name}`" in getting_started for name in settings)
