# Default target: tests and lint, as CI runs them.
.PHONY: all test lint format
all: lint test
test:
	.venv/bin/python -m pytest -q
lint:
	.venv/bin/ruff check policykg tests
	.venv/bin/ruff format --check policykg tests
format:
	.venv/bin/ruff format policykg tests
