"""Re-encodings of the committed document are no drift; real changes still are.

The variants (``tests/release/variants.py``) are served over HTTP on 127.0.0.1 and
checked with ``python -m generator drift``, descriptions included.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator.__main__ import main
from tests.release.served import serving
from tests.release.variants import EQUIVALENT, sanity_check, served_variants


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    sanity_check()
    with serving(served_variants()) as url:
        yield url


@pytest.mark.parametrize("variant", sorted(EQUIVALENT))
def test_a_re_encoding_is_no_drift(
    server: str, capsys: pytest.CaptureFixture[str], variant: str
) -> None:
    code = main(["drift", "--include-docs", "--against", f"{server}/{variant}"])
    out = capsys.readouterr().out
    assert "no drift: 0 change(s), 0 breaking" in out, out
    assert code == 0


def test_a_component_written_in_place_is_noted(
    server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["drift", "--against", f"{server}/in-place-and-named"])
    out = capsys.readouterr().out
    assert "schemas written in place or by reference (not a change):" in out
    assert "  Changelog (now written in place)\n  JobIndex (now named)" in out


@pytest.mark.parametrize(
    ("variant", "line"),
    [
        ("removed-field", "BREAKING field removed: workphone"),
        ("response-enum-value", "BREAKING enum value added: DEGRADED"),
        ("optional-parameter", "ok       parameter added: query parameter 'account' (optional)"),
        ("renamed-operation", "BREAKING operationId changed: read_jobs_compute_jobs__machine__get"),
    ],
)
def test_a_change_beside_them_is_still_found(
    server: str, capsys: pytest.CaptureFixture[str], variant: str, line: str
) -> None:
    main(["drift", "--against", f"{server}/{variant}"])
    assert line in capsys.readouterr().out
