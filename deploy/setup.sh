#!/usr/bin/env bash
# Installs what SupplyGrid needs on a fresh Debian machine (idempotent).
# Native: PostgreSQL (postgres store and its tests), Chromium (the dashboards' browser tests). librdkafka comes
# with the librdkafka.redist package (a system copy is not needed and not used).
# Node packages: test oracles (h3-js) under tests/oracles.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(postgresql chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f tests/oracles/package.json ] && [ ! -d tests/oracles/node_modules ]; then
  (cd tests/oracles && npm ci --no-audit --no-fund --loglevel=error)
fi
