#!/usr/bin/env bash
# Installs dependencies and runs every check: lint, typecheck, unit + end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
pnpm install --frozen-lockfile
pnpm lint
pnpm typecheck
pnpm test
