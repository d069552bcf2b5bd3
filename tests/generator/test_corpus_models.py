"""The models of corpus documents: typed as the document says (OpenAPI 3.0's ``nullable``
wherever it stands), named from their context, never under a name the package holds,
and accepted by ``mypy --strict`` (which ``test_corpus.py`` runs on every package).

``project/model-edge-cases.yaml`` holds one case of each rule; the excerpt of GitHub's
description (``github/``) is the real document that needs them, parsed against its own
documented examples."""

from __future__ import annotations

import datetime
import enum
import importlib
import json
import re
import typing
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
import pytest

from generator.naming import pascal_case
from generator.pipeline import Result
from tests.generator.conftest import DOCUMENTS
from tests.generator.example_parse import cause, example_value, parse_examples

EDGE_CASES = "model-edge-cases.yaml"
GITHUB = "api.github.com.json"


def _models(corpus_package: Callable[[str], ModuleType], document: str) -> ModuleType:
    package = corpus_package(document)
    return importlib.import_module(f"{package.__name__}.models")


def _warnings(corpus_out: tuple[Path, dict[str, Result]], document: str) -> list[str]:
    return [str(w) for w in corpus_out[1][document].warnings]


#: A repository whose required nullable fields all hold null.
NULL_REPOSITORY: dict[str, Any] = {
    "id": 1,
    "language": None,
    "owner": None,
    "license": None,
    "topics": ["a", None],
    "scores": {"x": None, "y": 2},
    "state": None,
    "permissions": None,
    "visibility": "public",
}


def test_required_nullable_fields_take_null(corpus_package: Callable[[str], ModuleType]) -> None:
    """``nullable: true`` on a required field, beside a ``$ref`` (an ``allOf`` wrapper
    and a nullable component), on list items, map values and an enum holding null."""
    models = _models(corpus_package, EDGE_CASES)
    repository = models.Repository.model_validate(NULL_REPOSITORY)
    assert (repository.language, repository.owner, repository.license) == (None, None, None)
    assert repository.topics == ["a", None] and repository.scores == {"x": None, "y": 2}
    assert repository.state is None and repository.permissions is None
    # Nullable is not optional: leaving a required field out is still refused.
    for name in ("language", "owner", "state", "permissions"):
        with pytest.raises(pydantic.ValidationError, match=name):
            models.Repository.model_validate(
                {k: v for k, v in NULL_REPOSITORY.items() if k != name}
            )
    # A field that is merely optional takes no null unless the document says so.
    with pytest.raises(pydantic.ValidationError, match="visibility"):
        models.Repository.model_validate({**NULL_REPOSITORY, "visibility": None})
    full = models.Repository.model_validate(
        {
            **NULL_REPOSITORY,
            "owner": {"login": "octo", "name": None},
            "state": "open",
            "permissions": {"admin": True},
        }
    )
    assert full.owner.name is None and full.state is models.RepositoryState.open
    assert full.permissions.admin is True


def test_inline_schemas_are_named_from_their_context(
    corpus_package: Callable[[str], ModuleType],
) -> None:
    """Properties as owner + property, responses as operation + role (the status's
    reason when it is no success), list items with ``Item``: no number anywhere."""
    models = _models(corpus_package, EDGE_CASES)
    assert {
        "RepositoryPermissions",
        "RepositoryState",
        "RepositoryVisibility",
        "RepositoryCredentials",
        "GetRepositoryResponseNotFound",
        "ListLabelsResponseItem",
        "InvokeResponse",
        "InvokeResponseState",
        "LoginResponse",
        "LoginResponseCredentials",
    } <= set(models.__all__)
    assert [name for name in models.__all__ if re.search(r"\d", name)] == []
    package = corpus_package(EDGE_CASES)
    hints = typing.get_type_hints(package.ApiClient("http://127.0.0.1:9/").repositories.list_labels)
    assert hints["return"] == list[models.ListLabelsResponseItem]


def test_names_the_package_holds_are_renamed_with_a_warning(
    corpus_out: tuple[Path, dict[str, Result]], corpus_package: Callable[[str], ModuleType]
) -> None:
    """A schema named like the runtime's ``Credentials`` and one the sync twin would
    rewrite (``AsyncInvokeRequest`` → ``InvokeRequest``) are renamed by rule; an inline
    object under such a name is named from its owner, so the runtime's class stays."""
    package = corpus_package(EDGE_CASES)
    models = _models(corpus_package, EDGE_CASES)
    warnings = _warnings(corpus_out, EDGE_CASES)
    assert (
        "warning: #/components/schemas/Credentials: schema 'Credentials' is named "
        "'CredentialsModel', not 'Credentials': the package already holds 'Credentials' "
        "(set a rename in the config to choose)"
    ) in warnings
    assert (
        "warning: #/components/schemas/async_invoke_request: schema 'async_invoke_request' "
        "is named 'AsynchronousInvokeRequest', not 'AsyncInvokeRequest': the sync twin "
        "rewrites names that start with Async (set a rename in the config to choose)"
    ) in warnings
    assert package.Credentials.__module__.startswith(package.__name__ + "._")
    assert "Credentials" not in models.__all__
    for client in (
        package.ApiClient("http://127.0.0.1:9/"),
        package.AsyncApiClient("http://127.0.0.1:9/"),
    ):
        hints = typing.get_type_hints(client.invocations.invoke)
        assert hints["body"] is models.AsynchronousInvokeRequest


def test_enum_members_named_like_str_methods(
    corpus_package: Callable[[str], ModuleType],
) -> None:
    """The member takes a trailing underscore, keeps its value, and the method stays."""
    visibility = _models(corpus_package, EDGE_CASES).RepositoryVisibility
    assert issubclass(visibility, enum.StrEnum)
    assert [(m.name, m.value) for m in visibility] == [
        ("title_", "title"),
        ("count_", "count"),
        ("upper_", "upper"),
        ("index_", "index"),
        ("public", "public"),
    ]
    assert visibility("count") is visibility.count_
    assert visibility.title_.upper() == "TITLE" and visibility.public.count("p") == 1


def test_a_url_with_an_empty_default_is_a_string(
    corpus_out: tuple[Path, dict[str, Result]], corpus_package: Callable[[str], ModuleType]
) -> None:
    """``""`` is no URL: the field is a plain string with that default (and a warning),
    while a URL without such a default keeps its URL type."""
    models = _models(corpus_package, EDGE_CASES)
    fields = models.Repository.model_fields
    assert (fields["homepage"].annotation, fields["homepage"].default) == (str, "")
    assert fields["website"].annotation == pydantic.AnyUrl | None
    assert models.Repository.model_validate(NULL_REPOSITORY).homepage == ""
    assert any(
        w.endswith(
            "/components/schemas/Repository/properties/homepage/format: "
            "default '' is not a URL: the value is read as a plain string"
        )
        for w in _warnings(corpus_out, EDGE_CASES)
    )


def test_text_defaults_of_typed_fields_are_values_of_their_type(
    corpus_package: Callable[[str], ModuleType],
) -> None:
    """A URL's or a date's default, written in the document as text, and an object's,
    written as JSON, are validated into the field's type (the bare JSON would fail the
    type check and stay text or a dict)."""
    models = _models(corpus_package, EDGE_CASES)
    repository = models.Repository.model_validate(NULL_REPOSITORY)
    assert repository.api_url == pydantic.AnyUrl("https://api.example.org/v1")
    assert repository.created == datetime.date(2020, 1, 31)
    assert repository.settings == models.RepositorySettings(theme="dark")


def test_maps_keyed_by_constrained_strings(
    corpus_out: tuple[Path, dict[str, Result]], corpus_package: Callable[[str], ModuleType]
) -> None:
    """``patternProperties`` and ``propertyNames`` check the keys, written without
    ``constr`` (which mypy refuses) in every package of the corpus."""
    models = _models(corpus_package, EDGE_CASES)
    checked = models.Repository.model_validate(
        {**NULL_REPOSITORY, "labels": {"bug": "red"}, "aliases": {"GH": "github"}}
    )
    assert checked.labels == {"bug": "red"} and checked.aliases == {"GH": "github"}
    for field, value in (("labels", {"Bug": "red"}), ("aliases", {"g": "x"})):
        with pytest.raises(pydantic.ValidationError, match="String should match pattern"):
            models.Repository.model_validate({**NULL_REPOSITORY, field: value})
    for result in corpus_out[1].values():
        for path in result.package_dir.rglob("*.py"):
            assert "constr(" not in path.read_text(encoding="utf-8"), path


def _numbered_names(models: ModuleType, document: Path) -> list[str]:
    """Model names ending in a number that the document's own schema names do not hold."""
    schemas = json.loads(document.read_text(encoding="utf-8"))["components"]["schemas"]
    own = {pascal_case(name) for name in schemas}
    return [n for n in models.__all__ if re.search(r"[A-Za-z]\d+$", n) and n not in own]


def test_github_models_are_named_without_numbers(
    corpus_package: Callable[[str], ModuleType],
) -> None:
    """Before names came from context, 33 of the excerpt's 147 model classes had numbered
    names (``Permissions1`` … ``Permissions5``; the issue's inline ``pull_request`` took
    ``PullRequest`` and the schema ``pull-request`` became ``PullRequest1``). The one
    number left is a member of a ``oneOf`` without a title, named by its position."""
    document = next(p for p in DOCUMENTS if p.name == GITHUB)
    models = _models(corpus_package, GITHUB)
    assert _numbered_names(models, document) == ["IssueLabelsItem2"]
    assert {"PullRequest", "IssuePullRequest", "FullRepositoryPermissions"} <= set(models.__all__)


def test_github_examples_parse(corpus_package: Callable[[str], ModuleType]) -> None:
    """Every documented example of a success parses, nulls included (9 of 20 failed
    before, 6 of them on a null), except where the example contradicts its own
    document: each failure is one the document's schema, read as JSON Schema, refuses
    too, at the same place (a property its schema requires, left out)."""
    document = next(p for p in DOCUMENTS if p.name == GITHUB)
    outcomes = parse_examples(
        corpus_package(GITHUB), json.loads(document.read_text(encoding="utf-8"))
    )
    assert len(outcomes) == 20
    failed = {(o.operation, o.name): o for o in outcomes if o.errors}
    assert {key: o.causes for key, o in failed.items()} == {
        ("orgs/get", "default-response"): ("missing at archived_at",),
        ("repos/get", "default-response"): ("missing at language", "missing at source.language"),
        ("repos/get-commit", "default"): (
            "missing at files.[].sha",
            "missing at files.[].contents_url",
        ),
        ("pulls/get", "default"): ("missing at requested_teams.[].type",),
    }
    assert all(o.document_says for o in failed.values())
    assert failed["orgs/get", "default-response"].document_says == ("required at (root)",)
    # These held nulls where the old models refused them; the examples are
    # written as a $ref to another example, followed as the document means.
    for operation in (
        "actions/list-workflow-runs-for-repo",
        "git/get-commit",
        "issues/list-for-repo",
        "issues/get",
    ):
        assert [o.errors for o in outcomes if o.operation == operation] in ([()], [(), ()])


def test_members_that_narrow_a_property_keep_their_narrow_type(
    corpus_package: Callable[[str], ModuleType],
) -> None:
    """An ``anyOf`` member that narrows its object's enum: each alternative takes the
    member's values (the model generator's class would re-declare the object's wide
    enum, which mypy refuses), with the object's type and its requirement."""
    models = _models(corpus_package, "narrowed-members.yaml")
    update = models.RunUpdate
    done = update.model_validate({"status": "completed", "conclusion": "success"})
    assert isinstance(done.root, models.RunUpdate3) and done.root.conclusion == "success"
    running = update.model_validate({"status": "queued", "output": {"title": "t"}})
    assert isinstance(running.root, models.RunUpdate4) and running.root.conclusion is None
    assert [m.value for m in models.RunUpdate1Status] == ["completed"]
    assert [m.value for m in models.RunUpdate2Status] == ["queued", "in_progress"]
    assert issubclass(models.RunUpdate1Status, enum.StrEnum)
    for refused in ({"status": "completed"}, {"conclusion": "x"}, {"status": "lost"}):
        with pytest.raises(pydantic.ValidationError):
            update.model_validate(refused)
    # Members that only list requirements are merged by the model generator already.
    label = models.LabelCreate
    assert isinstance(label.model_validate({"colour": "red"}).root, models.LabelCreate2)
    with pytest.raises(pydantic.ValidationError):
        label.model_validate({})


def test_example_failures_are_placed_in_the_example() -> None:
    """A failure's place names the example's keys and list positions, not the union
    member pydantic tried; an example that is a ``$ref`` to another, at the top or
    nested, stands for that example's value."""

    class Team(pydantic.BaseModel):
        slug: str
        type: str

    class User(pydantic.BaseModel):
        login: str

    value = [{"reviewer": {"slug": "core"}}]
    adapter = pydantic.TypeAdapter(list[dict[str, Team | User]])
    with pytest.raises(pydantic.ValidationError) as caught:
        adapter.validate_python(value)
    assert {cause(e, value) for e in caught.value.errors()} == {
        "missing at [].reviewer.type",
        "missing at [].reviewer.login",
    }
    document = {
        "components": {
            "examples": {
                "team": {"value": {"slug": "core", "type": "org"}},
                "teams": {"value": [{"$ref": "#/components/examples/team"}]},
            }
        }
    }
    assert example_value(document, {"$ref": "#/components/examples/teams"}) == [
        {"slug": "core", "type": "org"}
    ]


OVERRIDES = "field-overrides.json"
TAGS = "discriminator-tags.yaml"
DEFAULTS = "defaults-and-extensions.yaml"


def test_a_subclass_only_narrows_the_fields_it_inherits(
    corpus_package: Callable[[str], ModuleType],
) -> None:
    """An ``allOf`` extension that narrows what it re-declares (an enum of the base's
    text, a subclass of the base's class, a requirement) is a subclass; one that gives a
    property a type the base's field does not take (an inline object of its own, an
    object where the base has a map, an unrelated class) holds every property itself,
    so that no field is overridden with a wider type (``mypy --strict`` passes)."""
    models = _models(corpus_package, OVERRIDES)
    every = {"name", "kind", "metrics", "context", "version", "owner"}
    assert issubclass(models.NarrowSpec, models.Spec)
    narrow = models.NarrowSpec.model_validate(
        {"name": "n", "kind": "worker", "owner": {"team": "t"}}
    )
    assert narrow.owner.team == "t" and narrow.kind is models.NarrowSpecKind.worker
    with pytest.raises(pydantic.ValidationError):
        models.NarrowSpec.model_validate({"kind": "worker"})
    # A requirement of a key no member defines declares nothing.
    assert (
        issubclass(models.RequiredSpec, models.Spec)
        and "data" not in models.RequiredSpec.model_fields
    )
    assert models.RequiredSpec.model_fields["name"].is_required()
    for name in ("ServiceSpec", "ConflictSpec", "VersionedSpec"):
        model = getattr(models, name)
        assert not issubclass(model, models.Spec) and set(model.model_fields) == every
    service = models.ServiceSpec.model_validate({"name": "s", "metrics": {"cpu": 1, "memory": 2}})
    assert (service.name, service.metrics.memory) == ("s", 2)
    conflict = models.ConflictSpec.model_validate({"context": {"conflicts": ["a"]}})
    assert conflict.context.conflicts == ["a"]
    assert models.VersionedSpec.model_validate({"version": {"sha": "x"}}).version.sha == "x"


def test_discriminator_tags_are_the_values_the_members_pin(
    corpus_package: Callable[[str], ModuleType],
) -> None:
    """Without a ``mapping``, a member's tag is what its own property pins (an enum, a
    ``const``, a referenced enum), so the server's values pick the member; a value
    two members share leaves the union undiscriminated, tried member by member; a
    member whose base has another tag is a class of its own."""
    models = _models(corpus_package, TAGS)
    cases = [
        (models.Playable, {"type": "track", "title": "t"}, models.Track),
        (models.Playable, {"type": "episode"}, models.Episode),
        (models.Playable, {"type": "chapter", "book": "b"}, models.Chapter),
        (models.Playable, {"type": "podcast"}, models.Podcast),
        (models.Item, {"type": "message", "role": "assistant", "id": "1"}, models.OutputMessage),
        (models.Item, {"type": "message", "role": "user"}, models.InputMessage),
        (models.Media, {"type": "clip", "url": "u"}, models.Clip),
        (models.StreamEvent, {"type": "response.done", "id": "1"}, models.DoneEvent),
        (models.SocketEvent, {"type": "socket.response.done"}, models.SocketDoneEvent),
    ]
    for union, value, member in cases:
        assert type(union.model_validate(value).root) is member
    with pytest.raises(pydantic.ValidationError):
        models.Playable.model_validate({"type": "Track"})
    assert not issubclass(models.Clip, models.MediaBase)
    assert not issubclass(models.SocketDoneEvent, models.DoneEvent)
    assert models.Clip.model_validate({"type": "clip", "length": 3}).length == 3
    # A tag with a default of its own is filled in by the class.
    assert models.Podcast(feed="f").type == "podcast"


def test_defaults_no_field_reads_are_warnings(
    corpus_out: tuple[Path, dict[str, Result]], corpus_package: Callable[[str], ModuleType]
) -> None:
    """A list of an enum's values given as the enum's default (on the enum, on a list's
    items, on a union member) is read as no default, with a warning naming it; a null
    default beside a ``oneOf`` that takes no null is dropped; a list default of enum
    values becomes the enum's members; references in extensions are not followed;
    YAML numbers with an exponent and no dot are numbers; the members of a union
    with null keep their constraints."""
    models = _models(corpus_package, DEFAULTS)
    ignored = [w for w in _warnings(corpus_out, DEFAULTS) if "default is a list" in w]
    assert [w.split("#")[1].split(":")[0] for w in ignored] == [
        "/components/schemas/Granularity/default",
        "/components/schemas/Chunking/oneOf/0/default",
        "/components/schemas/TranscriptionRequest/properties/modalities/items/default",
    ]
    request = models.TranscriptionRequest(file="f")
    assert request.granularities == [models.Granularity.segment]
    assert request.modalities is None and request.chunking is None
    with pytest.raises(pydantic.ValidationError):
        models.Chunking.model_validate(None)
    assert models.Chunking.model_validate("auto").root == "auto"
    # The members of a union with null keep their constraints.
    assert models.TranscriptionRequest(file="f", language=None, prompts=["p"]).prompts == ["p"]
    for wrong in ({"language": "eng"}, {"prompts": []}):
        with pytest.raises(pydantic.ValidationError):
            models.TranscriptionRequest.model_validate({"file": "f", **wrong})
    # ``minimum: 1e-08``, ``default: 5e-1`` in YAML are numbers, as JSON reads them.
    assert models.ChunkingConfig(type="server_vad").threshold == 0.5
    with pytest.raises(pydantic.ValidationError):
        models.ChunkingConfig(type="server_vad", threshold=1e-9)
