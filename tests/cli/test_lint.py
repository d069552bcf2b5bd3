"""``sfapi lint``: the lint on a local script, without the API; and ``submit`` showing the
fix when the scheduler refuses a script."""

from __future__ import annotations

from pathlib import Path

from sfapi_sim.testing import RunningSimulator

from .conftest import Sfapi

INDENTED = (
    "#!/bin/bash\n    #SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n"
)
CLEAN = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode())
    return path


def test_an_indented_constraint_names_the_line_and_the_fix(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path
) -> None:
    script = _write(tmp_path, "job.sh", INDENTED)
    sim.reset_stats()
    out = sfapi("lint", str(script))
    assert out.exit_code == 6
    assert out.stdout.splitlines() == [
        f"{script}:2: warning SB003 this #SBATCH line is indented, so sbatch ignores it",
        "    fix: remove the spaces before #SBATCH",
        f"{script}:2: error PM001 no node constraint is read, so Perlmutter refuses the job "
        "(No architecture specified, cannot estimate job costs); line 2 sets -C cpu but "
        "sbatch ignores that line",
        "    fix: start line 2 with #SBATCH, unindented and above the first command",
    ]
    assert sim.stats()["total_requests"] == 0  # a local check: no request, no token


def test_exit_codes_clean_warnings_errors(sfapi: Sfapi, tmp_path: Path) -> None:
    clean = sfapi("lint", str(_write(tmp_path, "clean.sh", CLEAN)))
    assert (clean.exit_code, clean.stdout) == (0, f"{tmp_path}/clean.sh: no problems found\n")
    defaults = sfapi("lint", str(_write(tmp_path, "d.sh", "#!/bin/bash\n#SBATCH -C cpu\nls\n")))
    assert defaults.exit_code == 5
    assert "PM006" in defaults.stdout and "PM007" in defaults.stdout
    crlf = sfapi("lint", str(_write(tmp_path, "dos.sh", CLEAN.replace("\n", "\r\n"))))
    assert crlf.exit_code == 6 and "SB002" in crlf.stdout and "UNIX line ends" in crlf.stdout
    bare = sfapi("lint", str(_write(tmp_path, "bare.sh", "#SBATCH -C cpu\necho hi\n")))
    assert bare.exit_code == 6 and ":1: error SB001" in bare.stdout
    assert "make the first line '#!/bin/bash'" in bare.stdout


def test_no_policy_leaves_out_what_a_lenient_scheduler_skips(sfapi: Sfapi, tmp_path: Path) -> None:
    script = _write(tmp_path, "long.sh", "#!/bin/bash\n#SBATCH -q debug -t 45\necho hi\n")
    assert sfapi("lint", str(script)).exit_code == 6
    assert sfapi("lint", "--no-policy", str(script)).exit_code == 0


def test_json_lists_the_findings(sfapi: Sfapi, tmp_path: Path) -> None:
    script = _write(tmp_path, "bad.sh", CLEAN + "#SBATCH --nodes=two\n")
    out = sfapi(
        "--json", "lint", str(_write(tmp_path, "typo.sh", CLEAN.replace("-q debug", "-q reglar")))
    )
    assert out.exit_code == 6
    (finding,) = out.json()["findings"]
    assert finding == {
        "line": 3,
        "code": "PM003",
        "severity": "error",
        "message": "Perlmutter has no QOS 'reglar'",
        "fix": finding["fix"],
    }
    assert finding["fix"].startswith("did you mean 'regular'?")
    late = sfapi("--json", "lint", str(script)).json()["findings"]
    assert [(f["line"], f["code"], f["severity"]) for f in late] == [(7, "SB004", "warning")]


def test_a_file_that_cannot_be_read_is_a_usage_error(sfapi: Sfapi, tmp_path: Path) -> None:
    missing = sfapi("lint", str(tmp_path / "nope.sh"))
    assert missing.exit_code == 2 and "does not exist or is not a file" in missing.stderr
    latin = tmp_path / "latin.sh"
    latin.write_bytes("#!/bin/bash\necho caf\u00e9\n".encode("latin-1"))
    out = sfapi("lint", str(latin))
    assert out.exit_code == 2 and "is not UTF-8 text" in out.stderr


def test_submit_shows_the_fix_of_a_refused_script(sfapi: Sfapi, tmp_path: Path) -> None:
    script = _write(tmp_path, "job.sh", INDENTED)
    out = sfapi("submit", "perlmutter", str(script), "--local")
    assert out.exit_code == 1
    assert "No architecture specified" in out.stderr
    assert "fix: line 2: start line 2 with #SBATCH, unindented" in out.stderr


def test_the_documented_output_is_what_lint_prints(sfapi: Sfapi, tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    name = "indented_job.sbatch"
    (tmp_path / name).write_bytes((examples / name).read_bytes())
    out = sfapi("lint", name)  # run in tmp_path, as the docs show it run beside the file
    assert out.exit_code == 6
    assert out.stdout == (examples / "indented_job.lint.txt").read_text(encoding="utf-8")
