"""Query modules: functions that take a Session and never commit."""
