#!/usr/bin/env bash
# Installs Parley's Asterisk side into an Asterisk: the prompts into its sounds directory and the
# dialplan into parley/ beside its configuration, plus queues.conf, the manager user and the PJSIP
# sample when the Asterisk has none of its own (existing files are never overwritten: merge them by hand).
#
#   install-asterisk-conf.sh [ASTETCDIR [ASTDATADIR]]     defaults: /etc/asterisk /var/lib/asterisk
#
# Then add  #include "parley/extensions.conf"  to extensions.conf, send calls to [parley-ivr], set
# PARLEY_HOST/PARLEY_AGI_PORT in [globals], and reload (asterisk -rx "core reload").
# A recording dropped into ASTDATADIR/sounds/en/parley/ under a prompt's name replaces the generated one;
# this script only adds prompts that are missing.
set -euo pipefail
conf="$(cd "$(dirname "$0")/../asterisk" && pwd)"
etc="${1:-/etc/asterisk}"
data="${2:-/var/lib/asterisk}"
[ -d "$etc" ] || { echo "install-asterisk-conf: $etc is not a directory (Asterisk's astetcdir)" >&2; exit 1; }
mkdir -p "$etc/parley" "$data/sounds"
install -m 0644 "$conf/extensions.conf" "$etc/parley/extensions.conf"
for f in queues.conf manager.conf pjsip.conf; do
  if [ -e "$etc/$f" ] && ! grep -q '^\[parley' "$etc/$f" 2>/dev/null && [ -s "$etc/$f" ]; then
    install -m 0644 "$conf/$f" "$etc/parley/$f"
    echo "install-asterisk-conf: $etc/$f exists; Parley's is in $etc/parley/$f: merge its sections by hand"
  else
    install -m 0640 "$conf/$f" "$etc/$f"
  fi
done
n=0
for src in "$conf"/sounds/*/parley/*.sln*; do
  rel="${src#"$conf"/sounds/}"
  dst="$data/sounds/$rel"
  mkdir -p "$(dirname "$dst")"
  if [ ! -e "$dst" ]; then install -m 0644 "$src" "$dst"; n=$((n + 1)); fi
done
echo "install-asterisk-conf: dialplan in $etc/parley/, $n prompt file(s) added under $data/sounds/"
