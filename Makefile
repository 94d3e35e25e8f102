# Default target: tests and lint, as CI runs them.
.PHONY: all test lint format
all: lint test
test:
	.venv/bin/python -m pytest -q
lint:
	.venv/bin/ruff check policykg tests bench tools
	.venv/bin/ruff format --check policykg tests bench tools
format:
	.venv/bin/ruff format policykg tests bench tools
