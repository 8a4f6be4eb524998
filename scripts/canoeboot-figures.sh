#!/usr/bin/env bash
# Figures of issue 23 on the images people flash, serprog beside Debian's flashrom on the same modeled link: both
# reach `serprog emulate --busy --baud 2000000 --latency-us 500` (W25Q64FV, 8 MiB) over TCP. The images are made
# here, shaped like a ThinkPad X200's: an Intel descriptor, a GbE region, an erased middle and a compressed
# (random-looking) payload at the top.
#   canoeboot.bin  23 % data: descriptor, GbE, 1.8 MiB payload at the top; the rest erased (a Canoeboot image)
#   update.bin     canoeboot.bin with its top 2 MiB rebuilt (a Canoeboot update)
#   vendor.bin     a quarter erased: the factory firmware a first write replaces
# Jobs: two verified dumps of a Canoeboot chip; the update with a backup; a first write over the vendor image with a
# backup; the update of the BIOS region alone (`--ifd -i bios`, as the guide's users do) with a backup; a random 8 MiB
# read with the modeled line at 4,000,000 baud (a faster line, issue 23's last goal). flashrom's column is what its
# users type for the same safety: two dumps (-r twice), then -w (which reads the chip before and verifies after).
# Prints a markdown table with the date.
#   CANOEBOOT_FIGURES_FLASHROM=reads|all|none   flashrom jobs to run (its writes take about 9 minutes each)
set -euo pipefail
cd "$(dirname "$0")/.."
flashrom_jobs=${CANOEBOOT_FIGURES_FLASHROM:-all}
chip=W25Q64FV
flashrom_chip="W25Q64BV/W25Q64CV/W25Q64FV"
if [ "$flashrom_jobs" != none ] && ! command -v flashrom >/dev/null; then
  echo "not run: flashrom is missing (apt-get install flashrom), or set CANOEBOOT_FIGURES_FLASHROM=none" >&2; exit 2
fi
. scripts/lib/bench-emulator.sh

python3 - "$work" <<'PY'
import random, struct, sys
size = 8 << 20
def erased():
    return bytearray(b"\xff" * size)
def descriptor(image):
    # FLVALSIG at 0x10, FLMAP0 pointing at the region section, and FLREG0-3: descriptor, BIOS, ME (unused), GbE.
    image[0x10:0x14] = struct.pack("<I", 0x0FF0A55A)
    image[0x14:0x18] = struct.pack("<I", 0x00040003)
    regions = [(0x000, 0x000), (0x003, 0x7FF), (0x7FFF, 0x000), (0x001, 0x002)]
    for i, (base, limit) in enumerate(regions):
        image[0x40 + 4 * i:0x44 + 4 * i] = struct.pack("<I", base | (limit << 16))
rng = random.Random(23)
canoeboot = erased()
descriptor(canoeboot)
canoeboot[0x1000:0x3000] = rng.randbytes(0x2000)                        # GbE: two 4 KiB copies
payload = int(size * 0.23) - 0x3000
canoeboot[size - payload:] = rng.randbytes(payload)                      # compressed payload at the top
update = bytearray(canoeboot)
update[size - (2 << 20):] = rng.randbytes(2 << 20)
vendor = bytearray(rng.randbytes(size))
vendor[size // 4: size // 2] = b"\xff" * (size // 4)
descriptor(vendor)
random_image = rng.randbytes(size)
for name, data in (("canoeboot.bin", canoeboot), ("update.bin", update), ("vendor.bin", vendor), ("random.bin", random_image)):
    open(sys.argv[1] + "/" + name, "wb").write(data)
PY

tcp="tcp:127.0.0.1:$port"
same() { cmp -s "$1" "$2" || { echo "$3" >&2; exit 1; }; }
fr() { echo flashrom -p "serprog:ip=127.0.0.1:$port" -c "$flashrom_chip"; }

declare -A cell
start_emulator --chip "$chip" --busy --baud 2000000 --latency-us 500 --image "$work/canoeboot.bin"
cell[dumps,serprog]=$(timed "$serprog" read -p "$tcp" --passes 2 "$work/dump.bin")
same "$work/dump.bin" "$work/canoeboot.bin" "serprog's dump differs from the chip"
if [ "$flashrom_jobs" != none ]; then
  cell[dumps,flashrom]=$(timed $(fr) -r "$work/f1.bin" ";;" $(fr) -r "$work/f2.bin" ";;" cmp "$work/f1.bin" "$work/f2.bin")
  same "$work/f1.bin" "$work/canoeboot.bin" "flashrom's dump differs from the chip"
fi

# job: old contents, new image, and what both tools are told of regions (bios: the BIOS region alone, by the descriptor).
for job in update vendor bios; do
  case $job in
    update) old=canoeboot new=update regions=() ;;
    vendor) old=vendor new=canoeboot regions=() ;;
    bios) old=canoeboot new=update regions=(--ifd -i bios) ;;
  esac
  start_emulator --chip "$chip" --busy --baud 2000000 --latency-us 500 --image "$work/$old.bin"
  rm -f "$work/backup.bin"
  cell[$job,serprog]=$(timed "$serprog" write -p "$tcp" --backup "$work/backup.bin" "${regions[@]}" "$work/$new.bin")
  same "$work/backup.bin" "$work/$old.bin" "serprog's backup differs from the old contents"
  "$serprog" read -p "$tcp" --force "$work/after.bin" >/dev/null
  same "$work/after.bin" "$work/$new.bin" "the chip does not hold the image after serprog's write"
  if [ "$flashrom_jobs" = all ]; then
    start_emulator --chip "$chip" --busy --baud 2000000 --latency-us 500 --image "$work/$old.bin"
    rm -f "$work/f1.bin" "$work/f2.bin"
    cell[$job,flashrom]=$(timed $(fr) -r "$work/f1.bin" ";;" $(fr) -r "$work/f2.bin" ";;" cmp "$work/f1.bin" "$work/f2.bin" ";;" $(fr) "${regions[@]}" -w "$work/$new.bin")
    same "$work/f1.bin" "$work/$old.bin" "flashrom's dump differs from the old contents"
  fi
done

start_emulator --chip "$chip" --busy --baud 4000000 --latency-us 500 --image "$work/random.bin"
rm -f "$work/dump.bin" "$work/f1.bin"
cell[fast,serprog]=$(timed "$serprog" read -p "$tcp" "$work/dump.bin")
same "$work/dump.bin" "$work/random.bin" "serprog's read at 4,000,000 baud differs from the chip"
if [ "$flashrom_jobs" != none ]; then
  cell[fast,flashrom]=$(timed $(fr) -r "$work/f1.bin")
  same "$work/f1.bin" "$work/random.bin" "flashrom's read at 4,000,000 baud differs from the chip"
fi
stop_emulator

echo "Issue 23 figures, $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg): serprog emulate --busy --baud 2000000 --latency-us 500, W25Q64FV"
echo
echo "| job, 8 MiB | serprog (extensions) | flashrom 1.3 (two dumps, then -w) |"
echo "|---|---|---|"
echo "| two verified dumps of a Canoeboot chip (\`read --passes 2\`) | ${cell[dumps,serprog]} | ${cell[dumps,flashrom]:-not run} |"
echo "| Canoeboot update, top 2 MiB differ, with a backup | ${cell[update,serprog]} | ${cell[update,flashrom]:-not run} |"
echo "| first write over a vendor image (a quarter erased), with a backup | ${cell[vendor,serprog]} | ${cell[vendor,flashrom]:-not run} |"
echo "| Canoeboot update of the BIOS region alone (\`--ifd -i bios\`), with a backup | ${cell[bios,serprog]} | ${cell[bios,flashrom]:-not run} |"
echo "| a random 8 MiB read, the line at 4,000,000 baud (one read; flashrom: one -r) | ${cell[fast,serprog]} | ${cell[fast,flashrom]:-not run} |"
