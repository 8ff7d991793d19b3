#!/usr/bin/env bash
# The telephone-audio adaptation experiment: synthesises 200 phrases of the intent TRAINING data (never
# the test transcripts) with the flite voices awb and rms (the validation voices; slt stays
# unseen), puts them through the same G.711-like chain as make-corpus.sh (300-3400 Hz, 8 kHz, u-law),
# and learns an MLLR transform with `bin/parley asr adapt` into ivr-nlp/target/telephone.mllr.
# Measured on an earlier corpus (narrowband WER, lw 10, beam 3000): the two validation voices 16.2% -> 8.6%,
# but the two unseen ones 15.9% -> 22.4%: two voices teach the model those speakers, not the telephone channel, so Parley ships
# no transform. An operator with recordings of many real callers can learn one the same way and set
# parley.speech.transform. Needs flite and sox (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../../../.. && pwd)
if ! command -v flite >/dev/null || ! command -v sox >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
  $SUDO apt-get install -y -q flite sox >/dev/null
fi
out="$root/ivr-nlp/target/adaptation"
rm -rf "$out"; mkdir -p "$out/narrowband"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
voices=(awb rms); stretches=(0.9 1.0 1.1)
n=0
# every second line of the training data, header skipped: 200 phrases across all intents
tail -n +2 "$root/ivr-nlp/src/main/resources/org/parley/nlp/intent/default-intents.csv" | awk 'NR % 2 == 0' | head -n 200 |
while IFS= read -r line; do
  text=${line%,*}; text=${text//\"/}
  voice=${voices[$((n % 2))]}; stretch=${stretches[$((n % 3))]}
  flite -voice "$voice" --setf duration_stretch="$stretch" -t "$text" -o "$tmp/raw.wav"
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$tmp/wide.wav" pad 0.3 0.3
  sox "$tmp/wide.wav" -r 8000 -e u-law "$tmp/ulaw.wav" sinc 300-3400
  sox "$tmp/ulaw.wav" -e signed-integer -b 16 "$out/narrowband/a$(printf %03d $n).wav"
  n=$((n + 1))
done
"$root/bin/parley" asr adapt --audio "$out/narrowband" --out "$root/ivr-nlp/target/telephone.mllr"
