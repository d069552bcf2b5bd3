"""The API reference, as built, documents what the package's signatures say.

The site is built once for this module (``mkdocs build --strict`` into a temporary
folder). Then, for every object a reference page renders (each ``::: name`` of
docs/reference/), the test reads the real signatures with ``inspect`` and checks the
built page: each public member has its heading, each parameter of a constructor,
function or method is in that object's own table of parameters (or, for a model, is a
documented field), and the members the site's filters hide are not there. A
parameter added to a signature without a line in its docstring fails here, whoever
adds it. The sync pages name only sync classes, attribute values (implementation
code) are not shown, and error names in the text link to their entries.
"""

from __future__ import annotations

import enum
import functools
import importlib
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

import sfapi_client

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "reference"
DIRECTIVE = re.compile(r"^::: (\S+)\s*$", re.MULTILINE)


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, its Python tags (``!!python/name:...``) read as None."""


ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


@functools.cache
def hidden_patterns() -> list[re.Pattern[str]]:
    """The names the site's mkdocstrings filters hide (``"!regex"`` entries)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), ConfigLoader)
    plugins = {
        name: options
        for entry in config["plugins"]
        for name, options in (entry.items() if isinstance(entry, dict) else [(entry, {})])
    }
    filters = plugins["mkdocstrings"]["handlers"]["python"]["options"]["filters"]
    return [re.compile(f[1:]) for f in filters if f.startswith("!")]


def is_hidden(name: str) -> bool:
    return any(pattern.search(name) for pattern in hidden_patterns())


#: Public names of the client's classes that are plumbing between them (how a client
#: hands its context to machines, how a machine's monitor feeds rows to jobs, pydantic's
#: configuration): the reference must not list them.
INTERNALS = (
    "model_config",
    "row",
    "from_row",
    "absorb",
    "absorb_status",
    "from_model",
    "context",
    "submitted",
)

#: Elements whose text is a name or code rather than prose.
VERBATIM = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "pre"})

#: Kinds of members whose parameters are not the object's own (bound for the class).
SELF_NAMES = ("self", "cls")


@dataclass
class Rendered:
    """One documented object of a built page: its parameters table and direct members."""

    parameters: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)
    text: list[str] = field(default_factory=list)


class ReferencePage(HTMLParser):
    """The documented objects of one built page, by their anchor (``sfapi_client.Job``).

    mkdocstrings renders each object as a ``div.doc-object`` holding its heading (whose
    id is the object's path) and its contents; the rows of a "Parameters:" table name
    the parameters, the first cell of each row in a ``code`` element.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.objects: dict[str, Rendered] = {}
        self.links: list[tuple[str, str]] = []  # (text, href) of every link
        self._depth = 0  # how many divs are open
        self._opening: int | None = None  # the depth of a doc-object div before its heading
        self._stack: list[tuple[int, str]] = []  # (depth, path) of the open objects
        self._section: str | None = None
        self._cell = 0
        self._in_code = False
        self._code = ""
        self._code_linked = False  # the code element holds a link (a linked type)
        self._link: tuple[str, list[str]] | None = None
        self._verbatim = 0  # depth of headings and code blocks (names there are not prose)
        #: Text of the documented objects outside links, headings and code blocks.
        self.unlinked: dict[str, list[str]] = {}
        #: The same for the whole of the page's article (a guide's text).
        self.prose: list[str] = []
        self._article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in VERBATIM:
            self._verbatim += 1
        if tag == "article":
            self._article += 1
        if tag == "div":
            self._depth += 1
            if "doc-object" in classes:
                self._opening = self._depth
        elif tag in ("h2", "h3", "h4", "h5", "h6") and "doc-heading" in classes:
            path = attributes.get("id")
            if self._opening is not None and path:
                if self._stack:
                    parent = self._stack[-1][1]
                    if path.startswith(parent + "."):
                        self.objects[parent].members.add(path[len(parent) + 1 :])
                self._stack.append((self._opening, path))
                self.objects.setdefault(path, Rendered())
                self._opening = None
                self._section = None
        elif tag == "tr":
            self._cell = 0
        elif tag == "td":
            self._cell += 1
        elif tag == "code":
            self._in_code, self._code, self._code_linked = True, "", False
        elif tag == "a":
            self._link = (attributes.get("href") or "", [])
            self._code_linked = self._code_linked or self._in_code

    def handle_endtag(self, tag: str) -> None:
        if tag in VERBATIM:
            self._verbatim -= 1
        if tag == "article":
            self._article -= 1
        if tag == "div":
            if self._stack and self._stack[-1][0] == self._depth:
                self._stack.pop()
            self._depth -= 1
        elif tag == "code" and self._in_code:
            self._in_code = False
            if not self._code_linked and re.fullmatch(r"[A-Za-z_]\w*", self._code.strip()):
                self._add_prose(f" {self._code.strip()} ")  # a name, not an expression
            if self._cell == 1 and self._stack:
                name = self._code.strip().lstrip("*")
                rendered = self.objects[self._stack[-1][1]]
                if self._section == "Parameters:":
                    rendered.parameters.add(name)
                elif self._section == "Attributes:":
                    rendered.attributes.add(name)
        elif tag == "table":
            self._section = None
        elif tag == "a" and self._link is not None:
            href, text = self._link
            self.links.append(("".join(text).strip(), href))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._in_code:
            self._code += data
        if self._link is not None:
            self._link[1].append(data)
        if data.strip() in ("Parameters:", "Other Parameters:", "Attributes:", "Raises:"):
            self._section = data.strip().replace("Other ", "")
        if self._stack:
            self.objects[self._stack[-1][1]].text.append(data)
        if not self._in_code:
            self._add_prose(data)

    def _add_prose(self, text: str) -> None:
        """Keep ``text`` as prose unless it is in a link, a heading or a code block."""
        if self._link is not None or self._verbatim:
            return
        if self._article:
            self.prose.append(text)
        if self._stack:
            self.unlinked.setdefault(self._stack[-1][1], []).append(text)


def directives() -> dict[str, list[str]]:
    """The names each reference page renders, by page (``sync`` for sync.md)."""
    return {
        page.stem: DIRECTIVE.findall(page.read_text(encoding="utf-8"))
        for page in sorted(REFERENCE.glob("*.md"))
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh strict build of the site."""
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    return site


@pytest.fixture(scope="module")
def built(site: Path) -> dict[str, ReferencePage]:
    """The reference pages, parsed, by page stem (``sync`` for reference/sync/)."""
    pages = {}
    for stem in directives():
        parser = ReferencePage()
        html = site / "reference" / stem / "index.html"
        if stem == "index":
            html = site / "reference" / "index.html"
        parser.feed(html.read_text(encoding="utf-8"))
        pages[stem] = parser
    return pages


def resolve(dotted: str) -> Any:
    module, _, name = dotted.rpartition(".")
    try:
        return importlib.import_module(dotted)
    except ImportError:
        return getattr(importlib.import_module(module), name)


def own_members(cls: type) -> Iterator[tuple[str, Any]]:
    """The public members a class declares itself in the package's source (what the
    reference renders for it, inherited members being off): not the members pydantic
    or enum add, and not an enum's values."""
    for name, member in vars(cls).items():
        if name.startswith("_") or isinstance(member, enum.Enum):
            continue
        function = member.__func__ if isinstance(member, classmethod | staticmethod) else member
        if inspect.isfunction(function) and not function.__module__.startswith("sfapi_client"):
            continue
        yield name, member
    for name in getattr(cls, "__pydantic_fields__", {}):
        if name in inspect.get_annotations(cls) and not name.startswith("_"):
            yield name, None


def parameters(function: Callable[..., Any]) -> list[str]:
    """The public parameter names of ``function`` (not ``self``/``cls``, not private)."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return []
    return [
        name for name in signature.parameters if name not in SELF_NAMES and not name.startswith("_")
    ]


def constructor_parameters(cls: type, site: dict[str, ReferencePage]) -> list[str]:
    """The parameters of the class's ``__init__``, unless a documented base class has
    the same one (a constructor is documented once: at the most basic documented class
    that has it)."""
    if issubclass(cls, enum.Enum):
        return []
    mro = cls.__mro__
    definer = next((c for c in mro if "__init__" in c.__dict__), object)
    if not definer.__module__.startswith("sfapi_client"):
        return []
    documented_at = [c for c in mro[: mro.index(definer) + 1] if rendered_anywhere(c, site)]
    if documented_at and documented_at[-1] is not cls:
        return []
    return parameters(definer.__dict__["__init__"])


def rendered_anywhere(cls: type, site: dict[str, ReferencePage]) -> bool:
    return any(
        path.rsplit(".", 1)[-1] == cls.__name__ for page in site.values() for path in page.objects
    )


def model_fields_documented(cls: type, pages: dict[str, ReferencePage]) -> set[str]:
    """The fields of a pydantic class documented as members of it or of a base class,
    on any reference page (an ergonomic model's fields are its API model's)."""
    documented: set[str] = set()
    for base in cls.__mro__:
        for page in pages.values():
            for path, rendered in page.objects.items():
                if path.rsplit(".", 1)[-1] == base.__name__:
                    documented |= rendered.members
    return documented


@dataclass(frozen=True)
class Problem:
    page: str
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.page}: {self.where}: {self.what}"


def check_callable(page: str, path: str, rendered: Rendered, names: list[str]) -> list[Problem]:
    return [
        Problem(page, path, f"parameter {name!r} is not in its parameters table")
        for name in names
        if name not in rendered.parameters
    ]


def check_class(page: str, path: str, cls: type, site: dict[str, ReferencePage]) -> list[Problem]:
    problems: list[Problem] = []
    objects = site[page].objects
    rendered = objects[path]
    names = constructor_parameters(cls, site)
    fields = set(getattr(cls, "__pydantic_fields__", {}))
    if issubclass(cls, BaseModel) and "__init__" not in cls.__dict__:
        names = list(fields)  # pydantic's constructor: the fields are the parameters
    documented_fields = model_fields_documented(cls, site) if fields else set()
    for name in names:
        field_documented = name in fields and (
            name in documented_fields or name in rendered.attributes
        )
        if name not in rendered.parameters and not field_documented:
            problems.append(Problem(page, path, f"constructor parameter {name!r} undocumented"))
    for name, member in own_members(cls):
        if is_hidden(name):
            if name in rendered.members:
                problems.append(Problem(page, path, f"internal member {name!r} is shown"))
            continue
        if name not in rendered.members:
            problems.append(Problem(page, path, f"member {name!r} is not shown"))
            continue
        function = member.__func__ if isinstance(member, classmethod | staticmethod) else member
        if inspect.isfunction(function):
            member_path = f"{path}.{name}"
            problems += check_callable(
                page, member_path, objects[member_path], parameters(function)
            )
    return problems


def check_object(page: str, path: str, site: dict[str, ReferencePage]) -> list[Problem]:
    obj = resolve(path)
    if inspect.ismodule(obj):  # rendered without a heading of its own: its classes
        return [
            problem
            for name in getattr(obj, "__all__", [])
            if isinstance(getattr(obj, name), type)
            for problem in check_object(page, f"{path}.{name}", site)
        ]
    if path not in site[page].objects:
        return [Problem(page, path, "not rendered")]
    if isinstance(obj, type):
        return check_class(page, path, obj, site)
    if inspect.isfunction(obj):
        return check_callable(page, path, site[page].objects[path], parameters(obj))
    return []


def test_every_public_signature_is_documented(built: dict[str, ReferencePage]) -> None:
    problems = [
        str(problem)
        for page, names in directives().items()
        for name in names
        for problem in check_object(page, name, built)
    ]
    assert problems == [], "\n".join(problems)


def test_the_sync_page_names_only_sync_classes(built: dict[str, ReferencePage]) -> None:
    """The sync classes' docstrings are derived from the async ones: none of them may
    send a reader of the sync client to an async class."""
    async_names = {
        f"{path}: {name}"
        for path, rendered in built["sync"].objects.items()
        for name in re.findall(r"\bAsync[A-Z]\w*", "".join(rendered.text))
    }
    assert async_names == set()


def test_no_implementation_code_is_shown(built: dict[str, ReferencePage]) -> None:
    """Attributes show their type and docstring, not the code that sets them."""
    code = {
        f"{page}: {path}"
        for page, parsed in built.items()
        for path, rendered in parsed.objects.items()
        if re.search(r"\bself\.\w", "".join(rendered.text))
    }
    assert code == set()


def test_error_names_link_to_their_entries(site: Path, built: dict[str, ReferencePage]) -> None:
    """Wherever the reference's or a guide's text names one of the package's errors,
    the name is a link to its entry (a cross-reference, or a type of a Raises section)."""
    errors = [
        name
        for name in sfapi_client.__all__
        if isinstance(getattr(sfapi_client, name), type)
        and issubclass(getattr(sfapi_client, name), BaseException)
    ]
    assert "SfApiError" in errors
    named = re.compile(r"\b(" + "|".join(errors) + r")\b")
    unlinked = {
        f"{page}: {path}: {name}"
        for page, parsed in built.items()
        for path, texts in parsed.unlinked.items()
        for name in named.findall("".join(texts))
    }
    for html in sorted(site.rglob("*.html")):
        page = ReferencePage()
        page.feed(html.read_text(encoding="utf-8"))
        where = html.parent.relative_to(site).as_posix() or "home"
        unlinked |= {f"{where}: {name}" for name in named.findall("".join(page.prose))}
    assert unlinked == set()
    links = {text for parsed in built.values() for text, href in parsed.links}
    assert {"MissingCredentialsError", "JobSubmissionError", "WaitTimeoutError"} <= links


def test_code_blocks_of_files_carry_the_file_name(site: Path) -> None:
    """A code block that shows a file (a script, a configuration) is titled with the
    file's name, in the page's order (blocks of shell commands may carry a title of
    their own, such as the terminal they are typed in)."""
    fence = re.compile(r'^\s*```(?P<language>\w*)[^\n]*\n\s*--8<-- "(?P<name>[^":]+)', re.MULTILINE)
    expected = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        names = [
            Path(match["name"]).name
            if (ROOT / "examples" / match["name"]).is_file()
            else match["name"]
            for match in fence.finditer(page.read_text(encoding="utf-8"))
            if match["language"] not in ("", "sh", "bash", "shell", "console", "text")
        ]
        if names:
            stem = page.relative_to(ROOT / "docs").with_suffix("")
            html = site / (stem.parent if stem.name == "index" else stem) / "index.html"
            expected[html] = names
    assert len(expected) >= 5
    for html, names in expected.items():
        shown = re.findall(
            r'<span class="filename">([^<]*)</span>', html.read_text(encoding="utf-8")
        )
        remaining = iter(Path(title).name for title in shown)
        assert all(Path(name).name in remaining for name in names), (html, shown, names)


def test_the_internals_are_filtered_out() -> None:
    """The plumbing is hidden by the site's filters (which the signature test then
    checks on the built pages), and the public names around it are not."""
    assert [name for name in INTERNALS if not is_hidden(name)] == []
    assert [name for name in ("jobid", "state", "compute", "update", "on") if is_hidden(name)] == []
