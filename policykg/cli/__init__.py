"""The ``policykg`` command line: the ``main`` group and the registration of every command.

Each command parses its arguments, calls the library and prints: tables for people, ``--format
json`` for programs (shapes fixed by the output contract).  Every error a user can cause ends as
one line on stderr and a non-zero exit code, never a traceback (:func:`policykg.cli.output.edge`).
Heavy libraries are imported inside the commands that need them, so query commands start fast.

Commands, by module: ``build`` (build, add, remove), ``metrics`` (metrics, compare,
discrepancies), ``entities`` (projects, regions, actors, entity), ``alignment`` (sections, trace,
goals, diff), ``query`` (query, queries, export, stats), ``views`` (viz, serve), ``quality``
(validate, reason); the shared edge lives in ``output``.
"""

from __future__ import annotations

import click

from policykg import __version__
from policykg.cli import alignment, build, entities, metrics, quality, query, views

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykg")
def main() -> None:
    """policykg: Chinese government policy documents as a knowledge graph you can query and trust."""


for _command in (
    build.build,
    build.add,
    build.remove,
    metrics.metrics,
    metrics.compare,
    metrics.discrepancies,
    entities.projects,
    entities.regions,
    entities.actors,
    entities.entity,
    alignment.sections,
    alignment.trace,
    alignment.goals,
    alignment.diff,
    query.query,
    query.queries,
    query.export,
    query.stats,
    views.viz,
    views.serve,
    quality.validate,
    quality.reason,
):
    main.add_command(_command)
