"""The options of ``python -m generator release``, apart from the command so that the
generator's command line can offer them without loading the release machinery."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..drift.arguments import add_fetch_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_fetch_arguments(parser)
    parser.add_argument(
        "--body-file", type=Path, help="also write the pull request body to this file"
    )
    parser.add_argument(
        "--live-name",
        metavar="NAME",
        help="how the body names the live document (default: the URL or file given), "
        "e.g. its URL when --against is a copy fetched before",
    )
