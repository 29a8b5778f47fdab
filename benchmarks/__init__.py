"""Performance figures against docs/design.md's budgets: `python -m benchmarks [--json]`."""
