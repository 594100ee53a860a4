"""The command line: ``convert`` and ``inspect`` (a contract other tools call exactly like this).

Bad input ends with one line ``error: <what is wrong, with which file>`` on stderr and exit code 2,
never a traceback. A progress bar goes to stderr only when it is a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Sequence

import phonenumbers

from . import __version__
from .core import messages as M
from .core import (
    Cancelled,
    ConvertOptions,
    InputError,
    TaskState,
    convert_and_export,
    import_tag,
    inspect_source,
    write_json,
)

EXIT_OK, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 2, 130

#: A finished conversion kept alive until the process ends (``main(..., process_ends=True)``).
_held_until_exit: list = []


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one ``error:`` line and exit 2 like any bad input."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="ghl-desktop", description="Clean contact spreadsheets for GoHighLevel.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("convert", help="convert contact files into one GHL import CSV")
    c.add_argument("inputs", nargs="+", metavar="INPUT")
    c.add_argument("--out", required=True, metavar="OUT.csv")
    c.add_argument("--region", default="BR", help="default country for phones and dates (default BR)")
    c.add_argument("--report", metavar="REPORT.json")
    c.add_argument("--rejects", metavar="REJECTS.csv")
    c.add_argument("--sheet", metavar="NAME", help="Excel sheet to read (default: detected)")
    c.add_argument(
        "--split-rows", type=int, default=10_000, metavar="N",
        help="rows per output file (GHL imports at most 10,000; 0 = never split)",
    )
    c.add_argument("--no-dedupe", action="store_true", help="do not merge duplicate contacts")
    c.add_argument(
        "--drop-unmapped", action="store_true",
        help="leave out the columns that fill no standard field (default: keep them as custom fields)",
    )
    c.add_argument("--tag", metavar="TEXT", help="add this tag to every contact (e.g. importado-2026-12-02)")
    c.add_argument(
        "--existing", action="append", default=[], metavar="GHL_EXPORT.csv",
        help="contacts already in GHL (a GHL contacts export, or an earlier export of this tool); repeatable: "
             "every row is marked new, update, unchanged or ambiguous, and the export carries their Contact Id",
    )
    c.add_argument(
        "--only", choices=("new", "update", "all"), default=None,
        help="with --existing: export only new contacts (GHL's 'create only'), only updates, or all (default); "
             "unchanged contacts are left out",
    )

    i = sub.add_parser("inspect", help="show how a file is read and mapped, before normalizing")
    i.add_argument("input", metavar="INPUT")
    i.add_argument("--json", action="store_true", required=True, help="print JSON")
    i.add_argument("--sheet", metavar="NAME")
    i.add_argument("--limit", type=int, default=None, metavar="N", help="print at most N rows")
    return p


class ProgressBar:
    """A one-line bar on stderr, redrawn at most every 100 ms; silent when stderr is not a TTY."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._last = 0.0

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and fraction < 1.0:
            return
        self._last = now
        width = 30
        filled = int(width * fraction)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {fraction * 100:5.1f}% {stage:<12}")
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def _check_region(region: str) -> str:
    region = region.upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise UsageError(f"unknown region {region!r}: use a two-letter country code such as BR or US")
    return region


def run_convert(args, process_ends: bool = False) -> int:
    region = _check_region(args.region)
    if args.split_rows < 0:
        raise UsageError("--split-rows must be 0 (never split) or a positive number")
    tag = None
    if args.tag is not None:
        tag = import_tag(args.tag)
        if not tag:
            raise UsageError("--tag needs a tag with letters or digits")
    if args.only is not None and not args.existing:
        raise UsageError(str(M.Message(M.ONLY_WITHOUT_EXISTING)))
    out = Path(args.out)
    if out.is_dir():
        raise InputError(M.Message(M.OUTPUT_IS_FOLDER_CLI, str(out)))
    options = ConvertOptions(
        region=region, dedupe=not args.no_dedupe, split_rows=args.split_rows, sheet=args.sheet,
        custom_fields=not args.drop_unmapped, existing=tuple(args.existing),
    )
    bar = ProgressBar()
    state = TaskState(progress=bar)
    try:
        result, exported = convert_and_export(args.inputs, out, options, rejects_path=args.rejects,
                                              state=state, process_ends=process_ends, tag=tag,
                                              only=args.only or "all")
        if args.report:
            report = result.report
            if args.existing:  # the rows the chosen export holds (unchanged ones left out, --only)
                report = {**report, "exported_rows": exported.rows}
            write_json(args.report, report)
        state.set_progress("writing", 1.0)
    finally:
        bar.done()
    if process_ends:
        # Freeing a million-row result object by object takes ~0.2 s; the process is about to
        # end (``end_process``), and the operating system takes its memory back at once.
        _held_until_exit.append(result)
    names = ", ".join(p.name for p in exported.paths)
    print(
        f"{_counted(exported.rows, 'contact', 'contacts')} written to {names}"
        + (f"; {_counted(exported.rejects, 'row', 'rows')} in {Path(args.rejects).name}" if args.rejects else ""),
        file=sys.stderr,
    )
    return EXIT_OK


def _counted(n: int, one: str, many: str) -> str:
    """``n`` with its noun: "1 contact", "0 contacts", "3000 contacts"."""
    return f"{n} {one if n == 1 else many}"


def run_inspect(args) -> int:
    options = ConvertOptions(sheet=args.sheet)
    src, mapping = inspect_source(args.input, options, args.limit)
    n = src.n_rows if args.limit is None else min(max(args.limit, 0), src.n_rows)
    rows = [[col[r] for col in src.columns] for r in range(n)]
    info = src.info
    out = {
        "encoding": info["encoding"],
        "delimiter": info["delimiter"],
        "sheet": info["sheet"],
        "header_row": info["header_row"],
        "header": src.header,
        "rows": rows,
        "mapping": mapping.to_dict(),
        "format": info["format"],
        "warnings": info["warnings"],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False) -> int:
    """Run one command; the exit code. ``process_ends``: the caller ends the process right after
    with ``end_process`` (the command-line program does), so nothing big is freed on the way out."""
    try:
        args = build_parser().parse_args(argv)
        if args.command == "convert":
            return run_convert(args, process_ends)
        return run_inspect(args)
    except (InputError, UsageError) as exc:
        print(f"error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # e.g. the output folder is not writable
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"error: {where}{_one_line(exc.strerror or str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (KeyboardInterrupt, Cancelled):
        print("error: interrupted; nothing was written", file=sys.stderr)
        return EXIT_INTERRUPTED


def _one_line(text: str) -> str:
    return " ".join(text.split())
