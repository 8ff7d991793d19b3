#!/usr/bin/env bash
# Regenerates the test callers from transcripts.tsv with Debian's flite voices (awb and rms to tune on, slt to
# report on; several speeds). flite's kal/kal16 (festival's kal speaker) and festival's kal and ked voices are
# never used: they are kept for measuring Parley from outside. wideband/<id>.wav is 16 kHz 16-bit mono (as G.722 or a 16 kHz AudioSocket brings it),
# narrowband/<id>.wav is what a G.711 call gives: band-limited to 300-3400 Hz, 8 kHz, through u-law and
# back to 16-bit. Installs flite and sox with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v flite >/dev/null || ! command -v sox >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
  $SUDO apt-get install -y -q flite sox >/dev/null
fi
mkdir -p wideband narrowband
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
while IFS=$'\t' read -r id intent voice stretch text; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  flite -voice "$voice" --setf duration_stretch="$stretch" -t "$text" -o "$tmp/raw.wav"
  # 16 kHz mono 16-bit, 0.3 s of silence either side (a caller does not start at the first sample)
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "wideband/$id.wav" pad 0.3 0.3
  sox "wideband/$id.wav" -r 8000 -e u-law "$tmp/ulaw.wav" sinc 300-3400
  sox "$tmp/ulaw.wav" -e signed-integer -b 16 "narrowband/$id.wav"
  n=$((n + 1))
done < transcripts.tsv
echo "make-corpus: $n utterances in wideband/ and narrowband/"
