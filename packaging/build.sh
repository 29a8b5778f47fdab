#!/usr/bin/env bash
# Build a one-folder desktop bundle in dist/reportmark with PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || ./dev test --co -q >/dev/null  # sets up .venv
.venv/bin/python -m pip install -q "pyinstaller>=6.10"
.venv/bin/pyinstaller --noconfirm --clean packaging/reportmark.spec
echo "built dist/reportmark/reportmark"
