"""The `attache` command: one click group; each command family lives in its own module.

Commands only parse options, call one library function and format its result.
"""

from __future__ import annotations

import importlib

import click

from attache import __version__

# Modules that add commands to `main`; each defines `register(main)`. A module that fails to
# import stops the command with its error: no command family vanishes quietly.
COMMAND_MODULES = ("extract_cmd", "store_cmd", "query_cmd", "serve_cmd", "watch_cmd", "corrections_cmd")


class CommandFamilies(click.Group):
    """A group whose command modules load the first time its commands are asked for (to run,
    list or show one), so that `attache --version` answers without loading the pipeline."""

    _loaded = False

    @property
    def commands(self) -> dict:
        if not self._loaded:
            self._loaded = True
            for name in COMMAND_MODULES:
                importlib.import_module(f"attache.cli.{name}").register(self)
        return self._commands

    @commands.setter
    def commands(self, value: dict) -> None:
        self._commands = value


@click.group(cls=CommandFamilies, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="attache")
def main() -> None:
    """attache: diplomatic news in, an evidence-linked record of events out."""
