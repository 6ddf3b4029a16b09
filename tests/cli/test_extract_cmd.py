"""`attache extract` through click's CliRunner and, once, as a real process: JSON lines on
stdout, --pretty, --published, stdin, directories, and bad inputs (one stderr line naming
each, the others still extracted, exit status 1)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from attache.cli import main

CONSULTATIONS = """Azerbaijani-Georgian consultations held in Baku
Baku, 2 June 2025
On 30 May 2025, political consultations between the foreign ministries of Azerbaijan and Georgia were held in Baku.
The Azerbaijani side was headed by Deputy Minister of Foreign Affairs Elchin Guliyev, and the Georgian side by Deputy Minister of Foreign Affairs Nino Beridze.
The sides discussed transport, energy and trade.
"""

CALL_WITHOUT_DATE = """Deputy Minister of Foreign Affairs of Kyrgyzstan Talant Sydykov had a phone conversation with Deputy Minister of Foreign Affairs of Vietnam Tran Van Minh yesterday.
The diplomats discussed trade and tourism.
"""

BINARY = bytes(range(256)) * 40


def run(args: list[str], stdin: bytes | None = None):
    return CliRunner().invoke(main, ["extract", *args], input=stdin)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    (folder / "b_consultations.txt").write_text(CONSULTATIONS, encoding="utf-8")
    (folder / "more" / "c_call.txt").write_text(CALL_WITHOUT_DATE, encoding="utf-8")
    (folder / "a_call.txt").write_text(CALL_WITHOUT_DATE.replace("Sydykov", "Asanov"), encoding="utf-8")
    return folder


def test_one_file_gives_one_json_record_line(articles):
    result = run([str(articles / "b_consultations.txt")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    (record,) = json_lines(result.stdout)
    assert record["doc"] == "b_consultations.txt"
    assert record["published"] == "2025-06-02"
    assert set(record) >= {
        "doc",
        "published",
        "title",
        "source",
        "url",
        "events",
        "organizations",
        "money",
        "extractor",
    }
    (event,) = record["events"]
    assert (event["status"], event["type"], event["date"]) == ("occurred", "consultation", "2025-05-30")
    assert set(event["countries"]) == {"AZ", "GE"}
    for evidence in event["evidence"]:
        assert CONSULTATIONS[evidence["start"] : evidence["end"]] == evidence["text"]


def test_no_why_leaves_out_the_explanations(articles):
    path = str(articles / "b_consultations.txt")
    (with_why,) = json_lines(run([path]).stdout)
    (without,) = json_lines(run(["--no-why", path]).stdout)
    assert all("why" in e for e in with_why["events"])
    assert all("why" not in e for e in without["events"])
    assert [{k: v for k, v in e.items() if k != "why"} for e in with_why["events"]] == without["events"]


def test_pretty_prints_a_readable_summary(articles):
    result = run(["--pretty", str(articles / "b_consultations.txt")])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("== b_consultations.txt  published 2025-06-02")
    assert "-- event 1: occurred consultation (CONSULT)  2025-05-30  at Baku" in out
    assert "person: Elchin Guliyev | Deputy Minister of Foreign Affairs | AZ" in out
    assert "On 30 May 2025, political consultations" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.splitlines()[0])


def test_published_is_given_to_a_text_without_a_date(articles):
    path = str(articles / "more" / "c_call.txt")
    (undated,) = json_lines(run([path]).stdout)
    assert undated["published"] is None
    assert [e["date"] for e in undated["events"]] == [None]
    (dated,) = json_lines(run(["--published", "2025-02-04", path]).stdout)
    assert dated["published"] == "2025-02-04"
    assert [e["date"] for e in dated["events"]] == ["2025-02-03"]  # 'yesterday'


def test_published_in_the_text_wins_over_the_option(articles):
    (record,) = json_lines(run(["--published", "2020-01-01", str(articles / "b_consultations.txt")]).stdout)
    assert record["published"] == "2025-06-02"


def test_a_malformed_published_option_is_a_usage_error(articles):
    result = run(["--published", "4 February", str(articles / "b_consultations.txt")])
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert result.stdout == ""


def test_stdin_is_read_with_a_dash():
    result = run(["-"], stdin=CONSULTATIONS.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    (record,) = json_lines(result.stdout)
    assert record["published"] == "2025-06-02"
    assert [e["type"] for e in record["events"]] == ["consultation"]


def test_a_directory_is_read_recursively_in_sorted_order(articles):
    result = run([str(articles)])
    assert result.exit_code == 0, result.stderr
    assert [r["doc"] for r in json_lines(result.stdout)] == [
        "a_call.txt",
        "b_consultations.txt",
        "c_call.txt",
    ]


def test_bad_inputs_are_named_on_stderr_and_the_others_still_extracted(articles, tmp_path):
    (articles / "aa_empty.txt").write_bytes(b"")
    (articles / "ab_image.txt").write_bytes(BINARY)
    missing = tmp_path / "no_such_file.txt"
    result = run([str(articles), str(missing)])
    assert result.exit_code == 1
    assert [r["doc"] for r in json_lines(result.stdout)] == [
        "a_call.txt",
        "b_consultations.txt",
        "c_call.txt",
    ]
    errors = result.stderr.splitlines()
    assert len(errors) == 3, errors
    for name, line in zip(["aa_empty.txt", "ab_image.txt", "no_such_file.txt"], errors):
        assert line.startswith("attache: ") and name in line
    assert "empty" in errors[0]
    assert "binary" in errors[1]


def test_only_bad_inputs_still_exit_with_status_one(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"   \n")
    result = run([str(empty)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "empty.txt" in result.stderr


def test_extract_has_help():
    result = CliRunner().invoke(main, ["extract", "--help"])
    assert result.exit_code == 0
    for option in ("--pretty", "--published", "--jobs", "--no-why"):
        assert option in result.stdout


# ---- the installed command, as a user runs it ----


def console_script() -> Path:
    script = Path(sys.executable).parent / "attache"
    if not script.exists():
        pytest.fail(f"the console script {script} is missing: install the package (pip install -e .)")
    return script


def test_the_installed_command_extracts_and_reports_bad_inputs(articles):
    (articles / "ab_image.txt").write_bytes(BINARY)
    done = subprocess.run(
        [str(console_script()), "extract", "--no-why", str(articles), "-"],
        input=CONSULTATIONS.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    stdout, stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == 1, stderr
    records = json_lines(stdout)
    assert [r["doc"] for r in records] == ["a_call.txt", "b_consultations.txt", "c_call.txt", "stdin"]
    assert records[3]["events"] == records[1]["events"]  # the same article from a file and from stdin
    (error,) = stderr.splitlines()
    assert "ab_image.txt" in error and "binary" in error


def test_an_error_line_stays_one_line_whatever_the_file_name_holds(tmp_path):
    hostile = tmp_path / "two\nlines\u202etxt.exe\x1b[2J.txt"
    hostile.write_text("", encoding="utf-8")
    result = run([str(hostile)])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("attache: ") and "two\\nlines\\u202etxt.exe\\x1b[2J.txt: " in line
    assert "\u202e" not in result.stderr and "\x1b" not in result.stderr
