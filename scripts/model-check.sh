#!/usr/bin/env bash
# Checks the virtual ESP32's CPU model (../shared/tools/nanoclr, or $SERPROG_SHARED/tools/nanoclr) on THIS machine
# before its figures are believed: two fixed workloads, each run without the model and at several --cpu-scale values
# (with the 100 Hz tick, as --esp32-timing), MODEL_CHECK_RUNS times (default 3):
#   - the tool's own calibration loop (pin.Toggle, bounded to 50,000 toggles): at scale F it should run at the
#     unmodelled rate divided by F, and at 100 inside the 54,000-162,000 toggles/s the calibration took from an ESP32;
#   - 10,000 one-byte SPI writes with chip select framed by the driver (the firmware's WREN): the same work at every
#     scale, so the exit statistics' "interpreter CPU on this core" should not change with the scale.
# Then (with a C compiler) what this machine's kernel charges a thread's CPU clock for one reading of it: the model
# reads that clock before every driver call.
# Prints one line per run. See docs/speed.md, "The model's CPU count on this machine".
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SERPROG_SHARED:-$(pwd)/../shared}
run_firmware=$shared/tools/nanoclr/run-firmware
[ -x "$run_firmware" ] || { echo "no virtual ESP32 at $run_firmware: set SERPROG_SHARED to the folder holding tools/nanoclr" >&2; exit 2; }
runs=${MODEL_CHECK_RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

app() { # NAME: a checkout-shaped folder that run-firmware builds the one app from
  mkdir -p "$work/$1/firmware/Check"
  cp "scripts/model-check/$1.cs" "$work/$1/firmware/Check/"
  echo "<Project><ItemGroup><Compile Include=\"$1.cs\" /></ItemGroup></Project>" > "$work/$1/firmware/Check/Check.nfproj"
}
run() { # NAME LABEL OPTIONS...: one run, one line
  local name=$1 label=$2; shift 2
  "$run_firmware" "$work/$name" --uart1 "$work/tty" "$@" > "$work/out" 2> "$work/err" || true
  printf '   %-34s %-28s %s (load %s)\n' "$label" "$(grep -o 'rate: .*' "$work/out" || echo 'no rate: see below')" \
    "$(grep -oE 'interpreter CPU [0-9.]+ s' "$work/err" || echo 'interpreter CPU not counted')" "$(cut -d' ' -f1 /proc/loadavg)"
  grep -q 'rate: ' "$work/out" || tail -n 5 "$work/err" >&2
}

for name in ToggleLoop SpiCallLoop; do
  app "$name"
  echo "$name"
  run "$name" "no CPU model"
  for scale in 1 65 100 195; do
    for n in $(seq "$runs"); do
      if [ "$scale" = 1 ]; then run "$name" "--cpu-scale 1 (run $n)" --cpu-scale 1
      else run "$name" "--tick-hz 100 --cpu-scale $scale (run $n)" --tick-hz 100 --cpu-scale "$scale"; fi
    done
  done
done

if command -v cc > /dev/null; then
  cc -O2 -o "$work/thread-clock-cost" scripts/model-check/ThreadClockCost.c
  echo "this machine's thread CPU clock"
  for n in $(seq "$runs"); do echo "   $("$work/thread-clock-cost")"; done
fi
