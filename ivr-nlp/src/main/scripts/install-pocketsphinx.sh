#!/usr/bin/env bash
# Installs Debian's pocketsphinx library and its en-us model (packages libpocketsphinx3, pocketsphinx-en-us),
# the speech engine Parley prefers (Sphinx4 from Maven Central is the fallback). Run by Maven (ivr-nlp,
# generate-resources) on every build; does nothing when both are present.
set -euo pipefail
lib_present() { ldconfig -p 2>/dev/null | grep -q 'libpocketsphinx\.so\.3' || ls /usr/lib/*/libpocketsphinx.so.3 >/dev/null 2>&1; }
if lib_present && [ -f /usr/share/pocketsphinx/model/en-us/en-us/mdef ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-pocketsphinx: libpocketsphinx3 and pocketsphinx-en-us are missing and apt-get is not available;" >&2
  echo "install pocketsphinx 5prealpha and its en-us model, or run Parley with parley.speech.engine=sphinx4." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
echo "install-pocketsphinx: installing Debian packages libpocketsphinx3 pocketsphinx-en-us"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q --no-install-recommends libpocketsphinx3 pocketsphinx-en-us >/dev/null 2>&1 || {
  $SUDO apt-get update -q >/dev/null || echo "install-pocketsphinx: apt-get update failed; trying the cached package lists" >&2
  $SUDO apt-get install -y -q --no-install-recommends libpocketsphinx3 pocketsphinx-en-us >/dev/null; }
lib_present && [ -f /usr/share/pocketsphinx/model/en-us/en-us/mdef ] || {
  echo "install-pocketsphinx: pocketsphinx still missing after apt-get install" >&2; exit 1; }
echo "install-pocketsphinx: $(dpkg-query -W -f='${Package} ${Version}' libpocketsphinx3 2>/dev/null)"
