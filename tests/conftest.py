"""Fixtures shared by the test folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

EXAMPLES = Path(__file__).resolve().parents[1] / "attache" / "examples"


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    """The store of the bundled examples, made as the README says: `attache ingest attache/examples/`."""
    from attache.cli import main

    db_path = tmp_path_factory.mktemp("examples") / "examples.db"
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(db_path), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    return db_path
