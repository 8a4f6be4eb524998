#!/usr/bin/env bash
# Figures for the SerprogNano extensions (protocol/EXTENSIONS.md): the serprog CLI against the built-in emulator
# on a modeled 2,000,000 baud link with 0.5 ms latency each way and datasheet busy times (8 MiB W25Q64FV, random
# image over random contents): write with backup, write --no-backup, write of the image already there, verify,
# read. Prints one line per operation with its wall time and which path the write took (--verbose).
# SERPROG_FIGURES_LINK overrides the link options (default "baud=2000000,latency-us=500,busy=on").
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
link=${SERPROG_FIGURES_LINK:-baud=2000000,latency-us=500,busy=on}
dotnet build host/SerprogNano.Cli -c Release --nologo -v q -o "$work/bin" >/dev/null
head -c 8388608 /dev/urandom > "$work/old.rom"
head -c 8388608 /dev/urandom > "$work/new.rom"

# Runs one serprog command and prints its wall time; fails the script if serprog fails.
timed() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  dotnet "$work/bin/serprog.dll" "$@" > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; echo "$label: FAILED"; exit 1; }
  end=$(date +%s.%N)
  local path
  path=$(grep -m1 '^Path:' "$work/out.txt" | cut -c1-60 || true)
  printf '%-34s %7.1f s   %s\n' "$label" "$(echo "$end - $start" | bc)" "$path"
}

old="emulator:W25Q64FV,$link,image=$work/old.rom"
new="emulator:W25Q64FV,$link,image=$work/new.rom"
echo "link: $link, 8 MiB W25Q64FV"
timed "write (with backup)" write "$work/new.rom" -p "$old" --backup "$work/backup.bin" --verbose
cmp "$work/backup.bin" "$work/old.rom"
timed "write --no-backup" write "$work/new.rom" -p "$old" --no-backup --verbose
timed "write of the image already there" write "$work/new.rom" -p "$new" --no-backup --verbose
timed "verify" verify "$work/new.rom" -p "$new" --verbose
timed "read" read "$work/read.bin" -p "$new"
cmp "$work/read.bin" "$work/new.rom"
