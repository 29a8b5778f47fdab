"""The operations of each area (see desktop/services/operations.py)."""
