#!/usr/bin/env bash
# Quick start 2: set up and run the test suite (DATABASE_URL selects the database; default SQLite).
# Browser tests run when Chromium is at /usr/bin/chromium (CI installs it); FAZHI_REQUIRE_BROWSER=1 makes
# a missing browser an error instead of deselecting those tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
args=()
if [ ! -x /usr/bin/chromium ] && [ "${FAZHI_REQUIRE_BROWSER:-0}" != "1" ]; then
  echo "注意：未找到 /usr/bin/chromium，跳过浏览器测试（apt-get install chromium 后可运行）。"
  args+=(-m "not browser")
fi
exec .venv/bin/pytest -n "${FAZHI_TEST_WORKERS:-2}" "${args[@]}" "$@"
