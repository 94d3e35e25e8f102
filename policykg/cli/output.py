"""The edge every command shares: the error guard, --store and --format, opening the store, printing."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import wraps
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

import click

from policykg.errors import PolicyKGError

if TYPE_CHECKING:
    from policykg.graph.store import Store

__all__ = [
    "METRIC_COLUMNS",
    "cell",
    "edge",
    "fail",
    "format_option",
    "metric_row",
    "open_handle",
    "print_csv",
    "print_json",
    "store_option",
    "table",
]

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int) -> NoReturn:
    """One line on stderr, then exit with ``code``."""
    click.echo(f"policykg: error: {message}", err=True)
    sys.exit(code)


def edge(func: Callable[P, R]) -> Callable[P, R]:
    """Turn policykg errors (and anything unexpected) into one line on stderr and an exit code."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except PolicyKGError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # the last guard: users get a line, not a traceback
            fail(f"internal error: {type(exc).__name__}: {exc}", 70)

    return wrapper


store_option = click.option(
    "--store",
    "store",
    default=None,
    metavar="PATH",
    help="Store directory (default: $POLICYKG_STORE or .policykg/store).",
)


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format`` with these choices, the first one the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def open_handle(store: str | None) -> Store:
    """The store named by ``--store`` (or the default one), opened on first use of a command."""
    from policykg.graph.connect import open_store

    return open_store(store)


def print_json(data: Any) -> None:
    """JSON for programs: UTF-8 text, not escaped, one space of indent."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


def cell(value: object) -> str:
    """A CSV cell: lists and objects as JSON, anything else as its text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)


def print_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A header and rows as CSV on standard output."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    click.echo(buffer.getvalue(), nl=False)


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A table for people (rich), empty cells for missing values."""
    from rich.console import Console
    from rich.table import Table

    out = Table(title=title, show_lines=False)
    for column in columns:
        out.add_column(column)
    for row in rows:
        out.add_row(*("" if v is None else str(v) for v in row))
    Console().print(out)


METRIC_COLUMNS = ["doc", "indicator", "value", "kind", "period", "change", "goal", "evidence"]
_MARKS = {"about": "≈", "at_least": "≥", "at_most": "≤", "exact": "="}


def metric_row(m: Mapping[str, Any]) -> list[object]:
    """One metric statement as a row under :data:`METRIC_COLUMNS`."""
    return [
        m["doc"][:3],
        m["indicator"],
        f"{_MARKS[m['comparator']]} {m['value']} {m['unit']}",
        m["kind"] + (" (est.)" if m["estimate"] else ""),
        m["period"],
        "Δ" if m["change"] else "",
        m["goal"] or "",
        m["evidence"][:30],
    ]
