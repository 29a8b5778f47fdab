"""ReportMark: tag metrics, programs and targets in Chinese reports."""

__version__ = "0.1.0"
APP_NAME = "ReportMark"
ORG_NAME = "ReportMark"
