"""Subcommands of the `reportmark` command line, one module per group."""
