"""The README's commands: every query example answers with at least one row on the store of
the bundled examples, and every command of `attache` is shown there."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from attache.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
# what each query command answers with, in its --json output
ROWS = {"timeline": "events", "person": "events", "country": "latest_events", "events": "events", "search": "hits"}


def readme_commands() -> list[str]:
    """The `attache ...` lines of the README's code blocks, without their comments."""
    blocks = re.findall(r"```\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("attache ")]


QUERY_EXAMPLES = [line for line in readme_commands() if line.split()[1] in ROWS]


def test_the_readme_shows_a_query_example_of_each_query_command():
    assert sorted({line.split()[1] for line in QUERY_EXAMPLES}) == sorted(ROWS)


@pytest.mark.parametrize("line", QUERY_EXAMPLES)
def test_each_query_example_answers_with_rows_on_the_example_store(example_db, line):
    command, *args = shlex.split(line)[1:]
    result = CliRunner().invoke(main, [command, *args, "--db", str(example_db), "--json"])
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)[ROWS[command]]) >= 1, line
    table = CliRunner().invoke(main, [command, *args, "--db", str(example_db)])
    assert table.exit_code == 0 and "(none)" not in table.stdout.split("\n\n")[1], line


def test_every_command_appears_in_the_readme():
    text = README.read_text(encoding="utf-8")
    assert [name for name in sorted(main.commands) if f"attache {name}" not in text] == []
