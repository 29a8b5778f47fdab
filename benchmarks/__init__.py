"""Performance figures against DESIGN.md's budgets: `python -m benchmarks [--json]`."""
