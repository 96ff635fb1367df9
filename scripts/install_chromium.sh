#!/usr/bin/env bash
# Headless Chromium renders the policy brief to PDF and drives the browser tests.
# Debian's package; installed once, as root (apt-get), when it is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing and this user cannot apt-get install it: run 'sudo apt-get install chromium'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium
