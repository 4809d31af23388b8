#!/usr/bin/env bash
# Quick start 1: set up and run the demo district on the embedded default (SQLite + DuckDB).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/fazhi demo "$@"
