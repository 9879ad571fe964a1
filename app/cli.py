"""The `funnelflow` command line (SPEC §5): open, check, export, new, templates, schema.

Only opening the designer imports Qt (lazily, in `_open_designer`); `check`, YAML export and
`schema` run headless and start fast. Every failure is one clear line and exit code 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from app.io import (
    DiagramFileError,
    load_diagram,
    refuse_foreign,
    replacing_read_only,
    save_diagram,
)
from app.io.escape import terminal_block
from app.io.templates import LANGUAGES, load_template, template_description, template_names
from app.locale import locale_language

# Every format, .png and .pdf too: only the registry of extensions, which `export --help`
# lists; each exporter (and the SVG writer's layout, Qt for .png) loads when one is written,
# so `check` pays for none of them (tests/cli/test_cli_check_imports.py).
from app.ui.export import EXPORTERS, UnknownFormat, export, export_format

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2
# The same as app.export.check_formats.FORMATS (a test keeps them equal), spelled out here so
# that commands other than `check` do not import the analysis.
FORMATS = ("text", "md", "json", "csv")
COMMANDS = ("check", "export", "actuals", "new", "templates", "schema")


class CliError(Exception):
    """A problem to report as one line on stderr, exit code 2."""


def default_lang(environ: dict[str, str] | None = None) -> str:
    """"zh" when the locale (LC_ALL, LC_MESSAGES, LANG, first one set) is Chinese, else "en"."""
    return locale_language(environ)


class _VersionAction(argparse.Action):
    """`--version`, looked up only when asked: package metadata is slow to import."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any):
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from app.version import version  # lazy: package metadata is slow to import

        print(f"funnelflow {version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="funnelflow",
        description="Design marketing funnels with swimlanes, KPIs and a bottleneck checklist. "
        "`funnelflow FILE` opens FILE in the designer.",
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    lang: dict[str, Any] = {"choices": LANGUAGES, "default": default_lang(),
            "help": "language of messages and templates (default: from the locale)"}

    check = commands.add_parser("check", help="validate diagrams and print the checklist")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=FORMATS, default="text", dest="fmt")
    check.add_argument("--lang", choices=LANGUAGES, default=None,
                       help="language of the messages (default: the diagram's own language, "
                       "else the locale's)")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 on warnings too, not only on errors")

    exp = commands.add_parser(
        "export", help="write a diagram as " + " ".join(sorted(EXPORTERS)),
        description="Export FILE to OUT; the format follows OUT's extension. Options the "
        "exporter understands (e.g. --scale 2) are passed on to it.")
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("-o", "--output", required=True, metavar="OUT")
    exp.add_argument("--format", dest="fmt", metavar="EXT",
                     help="format to write, when OUT's extension does not say it")
    exp.add_argument("--lang", choices=LANGUAGES, default=None,
                     help="language of headings, legends and the checklist (default: the "
                     "diagram's own language, else the locale's)")
    exp.add_argument("--force", action="store_true", help="replace OUT even if it is read-only")

    act = commands.add_parser(
        "actuals", help="read measured actuals from a table; close a period",
        description="Read measured actuals (the KPI table of `export .csv/.xlsx` filled in, "
        "or a table id,measure,actual) into FILE; print what changes. With --close, today's "
        "actuals are first filed into the history under PERIOD.")
    act.add_argument("file", metavar="FILE")
    act.add_argument("--from", dest="data", metavar="DATA",
                     help="the table: .csv (UTF-8 or GB18030) or .xlsx")
    act.add_argument("--close", nargs="?", const="", metavar="PERIOD",
                     help="file today's actuals into history first (default label: this "
                     "week, month, quarter… for the diagram's period)")
    act.add_argument("-o", "--output", metavar="OUT", help="write here instead of FILE")
    act.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")

    new = commands.add_parser("new", help="start a diagram from a template")
    new.add_argument("--template", required=True, metavar="NAME")
    new.add_argument("--lang", **lang)
    new.add_argument("-o", "--output", required=True, metavar="FILE")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    templates = commands.add_parser("templates", help="list the templates")
    templates.add_argument("--lang", **lang)

    commands.add_parser("schema", help="print the JSON Schema of the file format")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # A first argument that is not a command or an option is a file to open: a file named
    # `check` is opened only as `funnelflow ./check`.
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        if len(args_list) > 1:
            return _fail(f"open one file at a time (got {len(args_list)}); "
                         "to validate several, use `funnelflow check FILE...`")
        return _open_designer(args_list[0] if args_list else None)
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(args_list)
        if extra and args.command != "export":
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as stop:  # argparse has printed the usage or the error
        return int(stop.code or 0)
    try:
        if args.command == "check":
            return run_check(args.files, args.fmt, args.lang, args.strict, sys.stdout)
        if args.command == "export":
            options = _options(extra)
            if args.lang:
                options["lang"] = args.lang
            return run_export(args.file, args.output, args.fmt, options, args.force)
        if args.command == "actuals":
            from app.io.actuals_cli import run_actuals  # lazy: only this command reads tables

            return run_actuals(args.file, args.data, args.close, args.output, args.dry_run,
                               sys.stdout)
        if args.command == "new":
            return run_new(args.template, args.lang, args.output, args.force)
        if args.command == "templates":
            return run_templates(args.lang, sys.stdout)
        if args.command == "schema":
            from app.io.schema import schema_text  # lazy: only this command prints it

            sys.stdout.write(schema_text())
            return EXIT_OK
        parser.print_help()
        return EXIT_OK
    except DiagramFileError as error:
        return _fail(error.located())
    except CliError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130


def run_check(paths: Sequence[str], fmt: str, lang: str | None, strict: bool,
              out: TextIO) -> int:
    """Validate each file and print its bottleneck checklist in `fmt` and `lang` (None: each
    diagram's own language, else the locale's).

    Located errors of unreadable or invalid files go to stderr. Exit 2 if any file could
    not be read, else 1 when a checklist has an error finding (with `strict`, a warning
    too), else 0.
    """
    # Imported here: `funnelflow schema` and `export` should not pay for the analysis.
    from app.analysis import analyze
    from app.analysis.messages import message_language
    from app.export.check_formats import exit_code, format_reports

    results = []
    invalid = False
    for path in paths:
        notes: list = []
        try:
            diagram = load_diagram(path, notes)
        except DiagramFileError as error:
            # `--lang zh` (or a Chinese locale): the reason in Chinese
            print(terminal_block(error.located(lang or locale_language())), file=sys.stderr)
            invalid = True
            continue
        for note in notes:  # values read differently than before: the file still loads
            print(terminal_block(note.located()), file=sys.stderr)
        results.append((path, analyze(diagram, message_language(lang, diagram))))
    if results:
        color = fmt == "text" and out.isatty() and not os.environ.get("NO_COLOR")
        shown = lang or results[0][1].lang  # each report still speaks its own language
        out.write(format_reports(results, fmt, shown, color, several=len(paths) > 1))
    if invalid:
        return EXIT_INVALID
    return exit_code([report for _, report in results], strict)


def run_export(path: str, out: str, fmt: str | None, options: dict[str, Any],
               force: bool = False) -> int:
    """Export the diagram at `path` to `out`; the format follows `out`'s extension.

    `out` must be a regular file we may write (or not exist); a read-only one only with
    `force`. Devices, FIFOs and sockets are refused before anything is rendered.
    """
    try:
        export_format(out, fmt)
    except UnknownFormat as error:
        raise CliError(f"{out}: {error}") from None
    refuse_foreign(out, force=force)
    diagram = load_diagram(path)
    try:
        with replacing_read_only() if force else contextlib.nullcontext():
            export(diagram, out, fmt, **options)
    except TypeError as error:
        unknown = re.search(r"unexpected keyword argument '(\w+)'", str(error))
        if unknown is None:
            raise CliError(f"{out}: this format does not take these options ({error})") from None
        option = "--" + unknown.group(1).replace("_", "-")
        raise CliError(f"{out}: {option} is not an option of {export_format(out, fmt)} "
                       "exports") from None
    except ValueError as error:  # a bad option value: --scale x, --page letter, --lang fr
        raise CliError(f"{out}: {error}") from None
    return EXIT_OK


def run_new(name: str, lang: str, out: str, force: bool) -> int:
    """Write template `name` in `lang` to `out`, refusing to overwrite unless `force`."""
    if os.path.isdir(out):
        raise CliError(f"{out}: is a folder; give a file name such as {out}/funnel.yaml")
    if os.path.lexists(out) and not force:
        raise CliError(f"{out}: already exists; choose another name or add --force")
    try:
        diagram = load_template(name, lang)
    except KeyError as error:
        raise CliError(error.args[0]) from None
    with replacing_read_only() if force else contextlib.nullcontext():
        save_diagram(diagram, out)
    print(f"{out}: created from template {name!r} ({lang})")
    return EXIT_OK


def run_templates(lang: str, out: TextIO) -> int:
    """One line per template: its name, then what it is for."""
    names = template_names(lang)
    width = max((len(name) for name in names), default=0)
    for name in names:
        print(f"{name.ljust(width)}  {template_description(name, lang)}", file=out)
    return EXIT_OK


def _open_designer(path: str | None) -> int:
    """OPENS THE DESIGNER (Qt): the only place the command line imports Qt widgets."""
    import importlib

    try:
        ui_main = importlib.import_module("app.ui.main")
    except ModuleNotFoundError as error:
        if error.name not in ("app.ui.main", "app.ui"):
            raise
        build_parser().print_help()
        return EXIT_OK
    return int(ui_main.run(path) or 0)


def _options(extra: list[str]) -> dict[str, Any]:
    """`--scale 2 --outline-text` -> {"scale": "2", "outline_text": True}."""
    options: dict[str, Any] = {}
    index = 0
    while index < len(extra):
        item = extra[index]
        if not item.startswith("--") or len(item) == 2:
            raise CliError(f"unexpected argument {item!r}; export options look like --scale 2")
        name, eq, value = item[2:].partition("=")
        key = name.replace("-", "_")
        if eq:
            options[key] = value
        elif index + 1 < len(extra) and not extra[index + 1].startswith("--"):
            options[key] = extra[index + 1]
            index += 1
        else:
            options[key] = True
        index += 1
    return options


def _fail(message: str) -> int:
    # Messages start with the file they are about (`FILE:LINE:COL: ...`) so editors can jump.
    print(terminal_block(message), file=sys.stderr)  # a file name may hold terminal codes
    return EXIT_INVALID
