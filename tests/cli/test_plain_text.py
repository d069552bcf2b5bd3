"""Text from the server (job names, messages) is printed as it is, never as rich markup,
and control characters never reach the terminal."""

from __future__ import annotations

from pathlib import Path

from sfapi_cli.output import safe

from .conftest import Sfapi

ESC_NAME = "\x1b[31mred"


def named_job(sfapi: Sfapi, folder: Path, name: str) -> str:
    script = folder / "named.sh"
    script.write_text(
        f"#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH --job-name={name}\n# sim: runtime=60\necho hi\n",
        encoding="utf-8",
    )
    out = sfapi("--json", "submit", "perlmutter", str(script), "--local")
    assert out.exit_code == 0, out.stderr
    jobid: str = out.json()["jobid"]
    return jobid


def test_job_names_with_markup_and_escapes_print_as_plain_text(
    sfapi: Sfapi, tmp_path: Path
) -> None:
    markup = named_job(sfapi, tmp_path, "[/oops]")
    coloured = named_job(sfapi, tmp_path, ESC_NAME)
    try:
        listed = sfapi("jobs", "perlmutter")
        assert listed.exit_code == 0, listed.stderr
        assert "[/oops]" in listed.stdout
        assert "\\x1b[31mred" in listed.stdout  # shown, not obeyed
        assert "\x1b" not in listed.stdout
        for jobid in (markup, coloured):
            shown = sfapi("job", "perlmutter", jobid)
            assert shown.exit_code == 0, shown.stderr
            assert "\x1b" not in shown.stdout
        as_json = {row["jobid"]: row for row in sfapi("--json", "jobs", "perlmutter").json()}
        assert as_json[markup]["name"] == "[/oops]"
        assert as_json[coloured]["name"] == ESC_NAME  # JSON keeps the text exactly
    finally:
        for jobid in (markup, coloured):
            sfapi("cancel", "perlmutter", jobid)


def test_messages_with_markup_print_as_plain_text(sfapi: Sfapi, remote_dir: str) -> None:
    missing = f"{remote_dir}/[/oops]"
    out = sfapi("download", "perlmutter", missing)
    assert out.exit_code == 1
    assert out.exception is None or isinstance(out.exception, SystemExit)
    assert out.stderr.startswith(f"error: cannot download {missing} from perlmutter: ")
    listed = sfapi("run", "perlmutter", "--", "printf", "[bold]%b[/bold]", "\\033[2J")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout == "[bold]\\x1b[2J[/bold]\n"


def test_safe_text_escapes_every_control_and_reordering_character() -> None:
    assert safe("a\x1b[31mb\x07c\x7fd\x9be") == "a\\x1b[31mb\\x07c\\x7fd\\x9be"
    assert safe("evil\u202etxt.sh") == "evil\\u202etxt.sh"
    assert safe("two\nlines\tand tab") == "two\\x0alines\\x09and tab"
    assert safe("two\nlines\tand tab", multiline=True) == "two\nlines\tand tab"
    assert safe("[bold]caf\u00e9[/bold]") == "[bold]caf\u00e9[/bold]"  # text as it is
    assert safe(None) == ""
