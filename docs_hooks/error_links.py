"""A build hook of the documentation site: the name of one of the package's errors,
written as code in prose (``JobNotFoundError``), links to the error's reference entry.

Pages, docstrings and the README sections the site includes name errors as plain code
(which reads well in ``help()`` and on the repository's front page too); the site
turns each into a cross-reference, which the autorefs plugin resolves like one
written by hand, and which fails the strict build if the entry is missing. A name
already in a link, in a heading or in a code block is left as it is.
"""

from __future__ import annotations

import functools
import re
from typing import Any

#: The tags whose content is left alone: links (hand-written or resolved), headings,
#: and code blocks (signatures included).
KEEP = ("a", "autoref", "pre", "h1", "h2", "h3", "h4", "h5", "h6")
TAG = re.compile(r"<(?P<close>/?)(?P<name>" + "|".join(KEEP) + r")\b[^>]*>", re.IGNORECASE)


@functools.cache
def error_names() -> frozenset[str]:
    """The errors the package exports."""
    import sfapi_client

    return frozenset(
        name
        for name in sfapi_client.__all__
        if isinstance(getattr(sfapi_client, name), type)
        and issubclass(getattr(sfapi_client, name), BaseException)
    )


@functools.cache
def inline_code() -> re.Pattern[str]:
    return re.compile(r"<code>(?P<name>" + "|".join(sorted(error_names())) + r")</code>")


def linked(html: str) -> str:
    """``html`` with each ``<code>ErrorName</code>`` outside the kept tags made a
    cross-reference to ``sfapi_client.ErrorName``."""
    pieces: list[str] = []
    depth = 0  # how many kept tags are open at the scan's position
    done = 0  # offset up to which ``html`` is copied into ``pieces``
    tags = list(TAG.finditer(html))
    for code in inline_code().finditer(html):
        while tags and tags[0].start() < code.start():
            tag = tags.pop(0)
            depth += -1 if tag["close"] else 1
        if depth > 0:
            continue
        name = code["name"]
        pieces += [
            html[done : code.start()],
            f'<autoref identifier="sfapi_client.{name}"><code>{name}</code></autoref>',
        ]
        done = code.end()
    pieces.append(html[done:])
    return "".join(pieces)


def on_page_content(html: str, **_: Any) -> str:
    """mkdocs' hook for each page's HTML, before cross-references are resolved."""
    return linked(html)
