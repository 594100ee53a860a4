"""``python -m ghl_desktop`` / ``ghl-desktop``: the CLI for ``convert``/``inspect``, else the window."""

from __future__ import annotations

import multiprocessing
import sys

CLI_COMMANDS = {"convert", "inspect"}


def main(argv: list[str] | None = None) -> int:
    """The program: a command-line command (the process then ends in ``core.end_process``, without
    tearing down a large result object by object) or the window (returns its exit code)."""
    # First thing in a frozen (PyInstaller) app, so worker processes do not start another window.
    multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else argv
    if argv and (argv[0] in CLI_COMMANDS or argv[0] in {"-h", "--help", "--version"}):
        from .cli import main as cli_main
        from .core import end_process

        end_process(cli_main(argv, process_ends=True))
    from .gui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
