"""``python -m policykg``: the same command line as ``policykg``."""

from policykg.cli import main

main()
