#!/usr/bin/env bash
# Build the one-folder desktop bundle with PyInstaller:
#   packaging/build.sh [DIST_DIR]     (default: dist; the bundle is DIST_DIR/reportmark)
# Uses the project's .venv (./dev test or ./dev run sets it up); PyInstaller is one of
# the test extras. Nothing from outside the repository goes in: the spec takes
# resources/, seeds/, db/migrations and draws the icons from resources/icons.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
[ -x .venv/bin/python ] || ./dev test --co -q >/dev/null  # sets up .venv
.venv/bin/python -c "import PyInstaller" 2>/dev/null || .venv/bin/python -m pip install -q "pyinstaller>=6.10,<7"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/reportmark.spec
echo "built $DIST/reportmark"
