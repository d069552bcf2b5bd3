"""The options of ``python -m generator drift`` (and the fetch options ``release``
shares), apart from the command so that the generator's command line can offer them
without loading the comparison."""

from __future__ import annotations

import argparse

from .fetch import DEFAULT_URL

#: Environment variable naming the live document when ``--against`` is not given.
URL_VARIABLE = "SFAPI_SPEC_URL"


def add_fetch_arguments(parser: argparse.ArgumentParser) -> None:
    """``--against`` and ``--timeout``: where the live document is, and how long to wait."""
    parser.add_argument(
        "--against",
        metavar="URL|FILE",
        help=f"the live document (default: ${URL_VARIABLE}, else {DEFAULT_URL})",
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds for the whole fetch, retries included"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_fetch_arguments(parser)
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="report format"
    )
    parser.add_argument(
        "--include-docs", action="store_true", help="count changed descriptions and summaries"
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="write the live document into the committed spec and regenerate the package",
    )
