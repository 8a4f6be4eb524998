#!/usr/bin/env bash
# Figures for the ESP32 firmware on the virtual ESP32 (../shared/tools/nanoclr, or $SERPROG_SHARED/tools/nanoclr):
# nanoFramework's real interpreter on THIS machine's x86-64 core, not a 240 MHz ESP32 (see firmware/README.md).
#   1. unpaced, flashrom: interpreter CPU seconds and GC runs per MiB read and per MiB written (8 MiB each);
#   2. UART paced at 2,000,000 baud, chip with datasheet busy times: bytes the UART dropped during a flashrom
#      read of 8 MiB and (unless --quick) our CLI's whole 8 MiB write with a backup, write --no-backup, write of the
#      image already there and verify (a few minutes), each with its wall time and the interpreter's busy share.
#   3. (--esp32) the same paced 8 MiB operations at the ESP32's own speed as run-firmware models it: --esp32-timing
#      (the 100 Hz idle tick, an interpreter 100 times slower) and the calibration's two ends, --cpu-scale 65 and 195
#      with the tick, after scripts/model-check.sh once (how far the model's CPU count is off on this machine today);
#      flashrom read, serprog read, verify and the image already there, then (unless --quick) serprog
#      write with and without a backup, and flashrom -w only with --flashrom-write (over an hour per model as it
#      stands). Each line with the machine's load average: the model stretches the interpreter thread's CPU time,
#      which a loaded machine inflates. FIRMWARE_BENCH_MODELS picks models (e.g. "100" or "65 195").
#   4. (--esp32) IL instructions per operation (FirmwareIlFigures: per NOP, O_SPIOP RDSR, 4 KiB read chunk, v1 page,
#      extension page, CRC block), which do not depend on the machine.
#   --esp32-only runs 3 and 4 alone; --no-il-counts leaves 4 out (e.g. for a second run beside a first).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false; esp32=false; classic=true; flashrom_write=false; il_counts=true
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true;;
    --esp32) esp32=true;;
    --esp32-only) esp32=true; classic=false;;
    --flashrom-write) flashrom_write=true;;
    --no-il-counts) il_counts=false;;
    *) echo "usage: $0 [--quick] [--esp32 | --esp32-only] [--flashrom-write] [--no-il-counts]" >&2; exit 2;;
  esac
done
shared=${SERPROG_SHARED:-$(pwd)/../shared}
run_firmware=$shared/tools/nanoclr/run-firmware
[ -x "$run_firmware" ] || { echo "no virtual ESP32 at $run_firmware: set SERPROG_SHARED to the folder holding tools/nanoclr" >&2; exit 2; }
command -v flashrom >/dev/null || { echo "flashrom is not installed (apt-get install flashrom)" >&2; exit 2; }
chip="W25Q64BV/W25Q64CV/W25Q64FV"
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

cpu() { awk '{ printf "%.2f %.2f", $14 / 100, $15 / 100 }' "/proc/$1/stat"; }  # utime stime, clock ticks of 1/100 s
gcs() { grep -o 'gc runs: [0-9]*' "$work/out" | tail -n1 | grep -o '[0-9]*$' || echo 0; }
start() { # OPTIONS...: the firmware on a fresh virtual ESP32, its pty at $work/tty
  rm -f "$work/tty"
  "$run_firmware" . --uart1 "$work/tty" "$@" > "$work/out" 2> "$work/err" &
  pid=$!
  for _ in $(seq 600); do [ -e "$work/tty" ] && return; sleep 0.2; done
  echo "the virtual ESP32 did not start:" >&2; cat "$work/err" >&2; exit 1
}
stop() { kill -INT "$pid"; wait "$pid" || true; pid=; }
measure() { # LABEL COMMAND...: runs it, prints its wall time, CPU s (user = interpreter, sys = mostly the posix PAL's
  local c0 g0 c1 g1 t0 t1 # host threads), the share of the wall time the interpreter was busy, and GC runs per MiB of the 8 MiB
  c0=$(cpu "$pid"); g0=$(gcs); t0=$(date +%s.%N)
  "${@:2}" > "$work/tool.log" 2>&1 || { cat "$work/tool.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  sleep 0.5 # the last "gc runs" line follows S_PIN_STATE(0)
  c1=$(cpu "$pid"); g1=$(gcs)
  echo "$c0 $c1" | awk -v l="$1" -v g="$((g1 - g0))" -v w="$(echo "$t1 - $t0" | bc)" '{ u = $3 - $1; s = $4 - $2;
    printf "%-30s wall %6.1f s   CPU user %6.2f s (%.3f s/MiB, interpreter busy %.1f %% of the wall time) + sys %6.2f s   GC runs %3d (%.2f per MiB)\n", l, w, u, u / 8, 100 * u / w, s, g, g / 8 }'
}

load() { awk '{ print $1 }' /proc/loadavg; }
phases() { grep -E '^[a-z].*: [0-9.]+ ([KMG]i)?B in ' "$work/tool.log" | sed 's/^/     /' || true; }  # the last command's phase lines
head -c 8388608 /dev/urandom > "$work/a.bin"
head -c 8388608 /dev/urandom > "$work/b.bin"
if $classic; then
echo "1. unpaced (interpreter CPU on this x86-64 machine)"
start --image "$work/a.bin"
measure "flashrom -r 8 MiB" flashrom -p "serprog:dev=$work/tty:2000000" -c "$chip" -r "$work/r.bin"
cmp -s "$work/r.bin" "$work/a.bin" || { echo "read differs from the image" >&2; exit 1; }
measure "flashrom -w 8 MiB (+verify)" flashrom -p "serprog:dev=$work/tty:2000000" -c "$chip" -w "$work/b.bin"
stop
grep -E 'stats: (SPI|flash|nanoCLR)' "$work/err" | sed 's/^\[esp32sim\] /   /'

echo "2. paced at 2,000,000 baud, busy chip"
start --image "$work/a.bin" --baud 2000000 --busy
measure "flashrom -r 8 MiB paced" flashrom -p "serprog:dev=$work/tty:2000000" -c "$chip" -r "$work/r.bin"
stop
echo "   read:  $(grep -o '[0-9]* received bytes dropped ([0-9]* FIFO overflows)' "$work/err")"
if ! $quick; then
  dotnet build host/SerprogNano.Cli --nologo -v q -o "$work/cli" > /dev/null
  # Random image over other random contents, as in the issue's figures: all of it erased and programmed.
  start --image "$work/a.bin" --baud 2000000 --busy
  measure "serprog write 8 MiB paced" dotnet "$work/cli/serprog.dll" write "$work/b.bin" --backup "$work/backup.bin" -p "$work/tty:2000000" -c "$chip" --verbose
  grep -m1 '^Path:' "$work/tool.log" | sed 's/^/   /'
  cmp -s "$work/backup.bin" "$work/a.bin" || { echo "the backup differs from the old contents" >&2; exit 1; }
  measure "serprog write --no-backup" dotnet "$work/cli/serprog.dll" write "$work/a.bin" --no-backup -p "$work/tty:2000000" -c "$chip"
  measure "serprog write, image there" dotnet "$work/cli/serprog.dll" write "$work/a.bin" --no-backup -p "$work/tty:2000000" -c "$chip"
  measure "serprog verify" dotnet "$work/cli/serprog.dll" verify "$work/a.bin" -p "$work/tty:2000000" -c "$chip"
  stop
  echo "   write: $(grep -o '[0-9]* received bytes dropped ([0-9]* FIFO overflows)' "$work/err"); $(grep -o '[0-9]* commands ignored while busy' "$work/err")"
fi
fi

$esp32 || exit 0
[ -f "$work/cli/serprog.dll" ] || dotnet build host/SerprogNano.Cli --nologo -v q -o "$work/cli" > /dev/null
serprog() { dotnet "$work/cli/serprog.dll" "$@"; }
echo "3. the ESP32's speed as modelled, 2,000,000 baud, busy chip, 8 MiB (load: 1-minute load average of this machine)"
echo "   first, how the model counts CPU on this machine today (scripts/model-check.sh; docs/speed.md: its times are upper bounds)"
MODEL_CHECK_RUNS=1 scripts/model-check.sh | sed 's/^/   /'
for scale in ${FIRMWARE_BENCH_MODELS:-100 65 195}; do
  echo "   --tick-hz 100 --cpu-scale $scale$([ "$scale" = 100 ] && echo ' (= --esp32-timing)')"
  start --image "$work/a.bin" --baud 2000000 --busy --tick-hz 100 --cpu-scale "$scale"
  measure "flashrom read (load $(load))" flashrom -p "serprog:dev=$work/tty:2000000" -c "$chip" -r "$work/r.bin"
  cmp -s "$work/r.bin" "$work/a.bin" || { echo "flashrom's read differs from the image" >&2; exit 1; }
  rm -f "$work/r.bin"
  measure "serprog read (load $(load))" serprog read "$work/r.bin" -p "$work/tty:2000000" -c "$chip"
  cmp -s "$work/r.bin" "$work/a.bin" || { echo "serprog's read differs from the image" >&2; exit 1; }
  rm -f "$work/r.bin"
  measure "serprog verify (load $(load))" serprog verify "$work/a.bin" -p "$work/tty:2000000" -c "$chip"
  measure "serprog write, image there (load $(load))" serprog write "$work/a.bin" --no-backup -p "$work/tty:2000000" -c "$chip"
  if ! $quick; then
    rm -f "$work/backup.bin"
    measure "serprog write (load $(load))" serprog write "$work/b.bin" --backup "$work/backup.bin" -p "$work/tty:2000000" -c "$chip"
    phases
    cmp -s "$work/backup.bin" "$work/a.bin" || { echo "the backup differs from the old contents" >&2; exit 1; }
    measure "serprog write --no-backup (load $(load))" serprog write "$work/a.bin" --no-backup -p "$work/tty:2000000" -c "$chip"
    phases
  fi
  if $flashrom_write; then
    measure "flashrom -w (load $(load))" flashrom -p "serprog:dev=$work/tty:2000000" -c "$chip" -w "$work/b.bin"
  fi
  stop
  echo "   $(grep -o '[0-9]* received bytes dropped ([0-9]* FIFO overflows)' "$work/err"); $(grep -o '[0-9]* commands ignored while busy' "$work/err")"
done

$il_counts || exit 0
echo "4. IL instructions per operation (the virtual ESP32's count, the same on any machine)"
dotnet test tests/SerprogNano.VirtualEsp32.Tests --nologo --filter "TestCategory=Figures" --logger "console;verbosity=detailed" \
  | grep -E '^\s*\|' | sed 's/^\s*/   /'
