"""The `attache` group: every command family is registered, and one that cannot be imported
stops the command with its error instead of vanishing from it."""

from __future__ import annotations

import subprocess
import sys

from attache.cli import COMMAND_MODULES, main


def test_every_command_family_is_registered():
    assert set(main.commands) >= {"extract", "ingest", "reextract", "export", "timeline", "person", "country",
                                  "events", "search", "serve", "demo", "watch"}


def test_a_command_module_that_cannot_be_imported_is_an_error():
    # None in sys.modules makes `import attache.cli.watch_cmd` raise ModuleNotFoundError for
    # that very module: what "a command family not written yet" used to be taken for. The
    # modules load when the commands are first asked for (to run, list or show one).
    blocked = "attache.cli." + COMMAND_MODULES[-1]
    found = subprocess.run([sys.executable, "-c", f"import sys; sys.modules[{blocked!r}] = None; import attache.cli;"
                            " attache.cli.main.commands"],
                           capture_output=True, text=True, timeout=120)
    assert found.returncode == 1
    assert f"ModuleNotFoundError: import of {blocked} halted" in found.stderr


def test_watch_writes_the_default_store_or_attache_db(tmp_path, monkeypatch):
    from click.testing import CliRunner

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ATTACHE_DB", raising=False)
    assert CliRunner().invoke(main, ["watch", "--once", str(inbox)]).exit_code == 0
    assert (tmp_path / "attache.db").exists()
    other = tmp_path / "other.db"
    assert CliRunner().invoke(main, ["watch", "--once", str(inbox)], env={"ATTACHE_DB": str(other)}).exit_code == 0
    assert other.exists()


def test_version_answers_without_loading_the_pipeline():
    import subprocess
    import sys

    script = ("import sys\nfrom attache.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
              "print(sorted(m for m in ('attache.pipeline', 'attache.extract', 'spacy', 'trafilatura') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["attache, version 0.1.0", "[]"]
