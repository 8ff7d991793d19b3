#!/usr/bin/env bash
# Regenerates Parley's prompt audio from the catalogue (src/main/asterisk/sounds/prompts.csv: id,language,text)
# with Debian's flite (English, voice slt), espeak-ng (Spanish, French) and sox: sounds/<language>/parley/<id>.sln (8 kHz) and .sln16 (16 kHz),
# signed 16-bit mono raw, as Asterisk's format_sln reads them; Asterisk picks the rate that fits the call.
# The output is committed, so neither the build nor Asterisk needs a TTS. A recording an analyst drops in
# (same name, either rate) replaces the generated prompt; this script then leaves it alone unless --force.
#
#   asterisk-conf/src/main/scripts/make-prompts.sh [--force] [ID ...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
sounds="$here/asterisk/sounds"
catalogue="$sounds/prompts.csv"
force=no
if [ "${1:-}" = "--force" ]; then force=yes; shift; fi
only=" $* "
if ! command -v flite >/dev/null || ! command -v sox >/dev/null || ! command -v espeak-ng >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends flite espeak-ng sox >/dev/null
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# CSV: id,language,text where text may be in double quotes (it has commas); no quotes inside quotes.
tail -n +2 "$catalogue" | while IFS= read -r line; do
  [ -z "$line" ] && continue
  id="${line%%,*}"; rest="${line#*,}"; lang="${rest%%,*}"; text="${rest#*,}"
  text="${text#\"}"; text="${text%\"}"
  if [ "$only" != "  " ] && [[ "$only" != *" $id "* ]]; then continue; fi
  out="$sounds/$lang/parley"
  mkdir -p "$out"
  stamp="$out/.$id.generated"
  # A file without our stamp (or whose stamp no longer matches) was recorded by someone: keep it.
  if [ "$force" = no ] && [ -f "$out/$id.sln" ] && { [ ! -f "$stamp" ] || [ "$(cat "$stamp")" = "$text" ]; }; then
    continue
  fi
  case "$lang" in
    en) flite -voice slt -t "$text" -o "$tmp/raw.wav" ;;
    es|fr) espeak-ng -v "$lang" -s 150 -w "$tmp/raw.wav" "$text" ;;
    *) echo "make-prompts: no offline voice for language '$lang' (prompt $id); record $out/$id.sln by hand" >&2; continue ;;
  esac
  # 0.1 s of silence before, 0.2 s after; -0.5 dB peak so G.711 never clips.
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 -e signed-integer -t raw "$out/$id.sln16" silence 1 0.02 0.2% reverse silence 1 0.02 0.2% reverse pad 0.1 0.2 gain -n -0.5
  sox -r 16000 -c 1 -b 16 -e signed-integer -t raw "$out/$id.sln16" -r 8000 -t raw "$out/$id.sln"
  printf '%s' "$text" > "$stamp"

  echo "make-prompts: $lang/parley/$id ($(($(stat -c %s "$out/$id.sln") / 16)) ms)"
done
