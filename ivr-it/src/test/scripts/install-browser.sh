#!/usr/bin/env bash
# Installs what the console's browser test needs: Debian's chromium and chromium-driver.
# Run by Maven (ivr-it, pre-integration-test) before the Arquillian tests; does nothing when both are present.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: chromium and chromedriver are missing and apt-get is not available;" >&2
  echo "install Chromium and a matching ChromeDriver, put both on PATH and run the tests again." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
echo "install-browser: installing Debian packages chromium chromium-driver"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null || echo "install-browser: apt-get update failed; trying the cached package lists" >&2
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
command -v chromium >/dev/null && command -v chromedriver >/dev/null || {
  echo "install-browser: chromium/chromedriver still missing after apt-get install" >&2; exit 1; }
echo "install-browser: $(chromium --version 2>/dev/null | head -1); $(chromedriver --version | head -1)"
