#!/usr/bin/env bash
# Test callers in voices no setting was ever chosen on (report only; never tune on them): the 60 texts of
# ../audio/transcripts.tsv, each in one of three synthesisers other than flite — festival's HTS voice
# cmu_us_slt_arctic_hts (package festvox-us-slt-hts), and espeak-ng's en-us (variant m3) and en-gb-x-rp (variant f3).
# wideband/<id>.wav is 16 kHz, narrowband/<id>.wav G.711-like (300-3400 Hz, 8 kHz, through u-law), as
# ../audio/make-corpus.sh makes them. festival's kal and ked diphone voices are not used anywhere in Parley.
# MBROLA voices (us1-us3) would belong here too, but Debian's archive here has no MBROLA voice data.
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v text2wave >/dev/null || need+=(festival)
[ -d /usr/share/festival/voices/us/cmu_us_slt_arctic_hts ] || need+=(festvox-us-slt-hts)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v sox >/dev/null || need+=(sox)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p wideband narrowband
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
voices=(festival-slt-hts espeak-us-m3 espeak-rp-f3)
printf '# id\tintent\tvoice\tstretch\ttext   (tab-separated; regenerate the WAVs with make-corpus.sh)\n' > transcripts.tsv
n=0
while IFS=$'\t' read -r id intent _voice _stretch text; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  voice=${voices[$((n % 3))]}
  case "$voice" in
    festival-slt-hts) echo "$text" | text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$tmp/raw.wav" ;;
    espeak-us-m3) espeak-ng -v en-us+m3 -s 160 -w "$tmp/raw.wav" "$text" ;;
    espeak-rp-f3) espeak-ng -v en-gb-x-rp+f3 -s 150 -w "$tmp/raw.wav" "$text" ;;
  esac
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "wideband/$id.wav" pad 0.3 0.3
  sox "wideband/$id.wav" -r 8000 -e u-law "$tmp/ulaw.wav" sinc 300-3400
  sox "$tmp/ulaw.wav" -e signed-integer -b 16 "narrowband/$id.wav"
  printf '%s\t%s\t%s\t1.0\t%s\n' "$id" "$intent" "$voice" "$text" >> transcripts.tsv
  n=$((n + 1))
done < ../audio/transcripts.tsv
echo "make-corpus: $n utterances in wideband/ and narrowband/"
