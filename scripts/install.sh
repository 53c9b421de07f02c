#!/usr/bin/env bash
# Installs everything rmtkit needs on a Debian machine: the Debian packages below,
# then the npm packages (which build the addon and compile the TypeScript).
# Without root or apt-get it skips the Debian step and rmtkit runs on its pure-JS backend.
set -euo pipefail
cd "$(dirname "$0")/.."

# OpenBLAS + LAPACKE: native backend. python3-scipy (its ECG record) and dataset-fashion-mnist: the
# real-data experiment. fonts-dejavu-core: text in PNG figures. chromium: the explorer's browser tests.
# redis-server: distributed sweeps (`rmtkit reproduce --queue`, docs/distributed.md) and their tests,
# which start their own server on a loopback port (the Debian service is not needed).
debian_packages=(libopenblas-dev liblapacke-dev python3-scipy dataset-fashion-mnist fonts-dejavu-core chromium redis-server)
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=()
  for p in "${debian_packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "rmtkit: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    for attempt in 1 2 3; do
      apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && break
      echo "rmtkit: apt-get failed (attempt $attempt), retrying"; sleep 5
    done
  fi
else
  echo "rmtkit: not root or no apt-get; skipping ${debian_packages[*]} (the pure-JS backend will be used)"
fi
npm ci --no-audit --no-fund
