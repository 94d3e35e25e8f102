"""The exception tree of policykg: every error a user can cause, turned into one line at the edge.

PolicyKGError                 base; carries a one-line message
├── InputError                a file or folder cannot be read as a policy document
│   ├── EmptyDocumentError    the file holds no text
│   └── BinaryDocumentError   the file is not text in any supported encoding
├── StoreError                a store cannot be opened, read or replaced
├── QueryError                a SPARQL query is malformed or cannot run
└── LexiconError              a lexicon data file is malformed (names the file and the entry)
"""

from __future__ import annotations

__all__ = [
    "BinaryDocumentError",
    "EmptyDocumentError",
    "InputError",
    "LexiconError",
    "PolicyKGError",
    "QueryError",
    "StoreError",
]


class PolicyKGError(Exception):
    """Base class: the message is what the command line prints, so keep it to one line."""

    exit_code = 1

    def __str__(self) -> str:
        return " ".join(super().__str__().split())


class InputError(PolicyKGError):
    """Bad input: missing, unreadable or malformed documents and folders."""

    exit_code = 2


class EmptyDocumentError(InputError):
    """A document with no text in it."""


class BinaryDocumentError(InputError):
    """A document that is not text in UTF-8 or GB18030."""


class StoreError(PolicyKGError):
    """A store that cannot be opened, read or atomically replaced."""

    exit_code = 3


class QueryError(PolicyKGError):
    """A SPARQL query that does not parse or fails to run."""

    exit_code = 4


class LexiconError(PolicyKGError):
    """A lexicon data file that does not load: bad JSON, a section or an entry without a valid kind,
    or an entry of the wrong shape.  It is a packaging fault, not the user's, so it keeps exit code 1."""
