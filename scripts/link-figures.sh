#!/usr/bin/env bash
# Figures of issue 13: serprog and Debian's flashrom side by side on the same modeled link. Both reach
# `serprog emulate --busy --baud 2000000 --latency-us 500 --link SHAPE` (W25Q64FV) over TCP, so both
# meet the same USB-serial model; every write puts a random image over other random contents.
# Prints a markdown table. Takes long: a flashrom write of 8 MiB on this link is about 9 minutes.
#   LINK_FIGURES_SHAPES=packets,bursty       link shapes to measure
#   LINK_FIGURES_FLASHROM=read,write,unchanged,verify   flashrom operations to run (write is the slow one)
#   LINK_FIGURES_FLASHROM_WRITE_SHAPES=packets          shapes on which flashrom writes (stop-and-wait takes the same on both)
#   LINK_FIGURES_V1=1                                   serve plain serprog v1 (emulate --no-extensions): serprog's v1 write path
set -euo pipefail
cd "$(dirname "$0")/.."
shapes=${LINK_FIGURES_SHAPES:-packets,bursty}
flashrom_ops=${LINK_FIGURES_FLASHROM:-read,write,unchanged,verify}
flashrom_write_shapes=${LINK_FIGURES_FLASHROM_WRITE_SHAPES:-packets}
baud=2000000
latency_us=500
chip=W25Q64FV
flashrom_chip="W25Q64BV/W25Q64CV/W25Q64FV"
size=$((8 * 1024 * 1024))
v1_option=; [ -n "${LINK_FIGURES_V1:-}" ] && v1_option=--no-extensions

command -v flashrom >/dev/null || { echo "not run: flashrom is missing (apt-get install flashrom)" >&2; [ "${CI:-}" = true ] && exit 1; exit 0; }
. scripts/lib/bench-emulator.sh

python3 - "$work" "$size" <<'PY'
import random, sys
for name, seed in (("old.bin", 1), ("new.bin", 2)):
    random.seed(seed)
    open(sys.argv[1] + "/" + name, "wb").write(random.randbytes(int(sys.argv[2])))
PY

wants() { [[ ",$flashrom_ops," == *",$1,"* ]]; }
flashrom_run() { flashrom -p "serprog:ip=127.0.0.1:$port" -c "$flashrom_chip" "$@"; }

declare -A cell
IFS=, read -ra shape_list <<<"$shapes"
for shape in "${shape_list[@]}"; do
  tcp="tcp:127.0.0.1:$port"
  start_emulator --chip "$chip" --busy --baud "$baud" --latency-us "$latency_us" --link "$shape" --image "$work/old.bin" $v1_option
  cell[read,serprog,$shape]=$(timed "$serprog" read -p "$tcp" --passes 1 "$work/read-$shape.bin")
  cmp -s "$work/read-$shape.bin" "$work/old.bin" || { echo "serprog read the wrong bytes" >&2; exit 1; }
  if wants read; then
    rm -f "$work/read-$shape.bin"
    cell[read,flashrom,$shape]=$(timed flashrom_run -r "$work/read-$shape.bin")
    cmp -s "$work/read-$shape.bin" "$work/old.bin" || { echo "flashrom read the wrong bytes" >&2; exit 1; }
  fi
  cell[write,serprog,$shape]=$(timed "$serprog" write -p "$tcp" --backup "$work/backup-$shape.bin" "$work/new.bin")
  cmp -s "$work/backup-$shape.bin" "$work/old.bin" || { echo "serprog's backup differs from the old contents" >&2; exit 1; }
  cell[unchanged,serprog,$shape]=$(timed "$serprog" write -p "$tcp" --no-backup "$work/new.bin")
  cell[verify,serprog,$shape]=$(timed "$serprog" verify -p "$tcp" "$work/new.bin")
  if wants unchanged; then cell[unchanged,flashrom,$shape]=$(timed flashrom_run -w "$work/new.bin"); fi
  if wants verify; then cell[verify,flashrom,$shape]=$(timed flashrom_run -v "$work/new.bin"); fi
  start_emulator --chip "$chip" --busy --baud "$baud" --latency-us "$latency_us" --link "$shape" --image "$work/old.bin" $v1_option
  cell[nobackup,serprog,$shape]=$(timed "$serprog" write -p "$tcp" --no-backup "$work/new.bin")
  if wants write && [[ ",$flashrom_write_shapes," == *",$shape,"* ]]; then
    start_emulator --chip "$chip" --busy --baud "$baud" --latency-us "$latency_us" --link "$shape" --image "$work/old.bin" $v1_option
    cell[write,flashrom,$shape]=$(timed flashrom_run -w "$work/new.bin")
  fi
  stop_emulator
done

echo
echo "Modeled link: $baud baud, $latency_us us latency each way, busy times on, $chip (8 MiB), ${v1_option:+serprog v1 only (--no-extensions), }random image over random contents; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
header="| operation |"; rule="|---|"
for shape in "${shape_list[@]}"; do header+=" flashrom, $shape | serprog, $shape |"; rule+="---|---|"; done
echo "$header"; echo "$rule"
for op in read write nobackup unchanged verify; do
  case $op in
    read) label="read" ;; write) label="write (with backup)" ;; nobackup) label="write --no-backup" ;;
    unchanged) label="write of the image already on the chip" ;; verify) label="verify" ;;
  esac
  row="| $label |"
  for shape in "${shape_list[@]}"; do row+=" ${cell[$op,flashrom,$shape]:--} | ${cell[$op,serprog,$shape]:--} |"; done
  echo "$row"
done
