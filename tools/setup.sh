# Sourced by ./serve and ./test: creates .venv and installs the pinned Python and npm packages
# when they are missing or changed. Safe to run again; it does nothing when all is in place.
set -eu

find_python() {
  for candidate in ${PYTHON:-} python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)." >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv ..."
  "$(find_python)" -m venv .venv
fi
stamp=".venv/.requirements-$(cksum requirements.txt | cut -d' ' -f1)"
if [ ! -f "$stamp" ]; then
  echo "Installing the Python packages from requirements.txt ..."
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  rm -f .venv/.requirements-*
  touch "$stamp"
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js 20+ with npm is needed: it provides the pinned Pyodide runtime." >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the pinned Pyodide runtime (npm ci) ..."
  npm ci --no-audit --no-fund --loglevel=error
fi
export NO_MKDOCS_2_WARNING=1
