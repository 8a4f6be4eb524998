#!/usr/bin/env bash
# The main job on the built-in emulator: what a user does with a clip on a board's flash.
# An emulated programmer with an 8 MiB W25Q64FV serves on loopback; serprog dumps it twice, writes a
# new image (backup first, only what differs, verified), verifies, writes it again (nothing to do),
# and measures the link.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
port=${SERPROG_DEMO_PORT:-7790}
dotnet build host/SerprogNano.Cli -c Release --nologo -v q -o "$work/bin" >/dev/null
serprog() { dotnet "$work/bin/serprog.dll" "$@"; }

head -c 8388608 /dev/urandom > "$work/old.rom"
dotnet "$work/bin/serprog.dll" emulate --listen "127.0.0.1:$port" --chip W25Q64FV \
  --image "$work/old.rom" --save "$work/chip-after.bin" &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; wait $emulator 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done

# The id EF 40 17 names the W25Q64FV and the W25Q64JV; they read, erase and write alike, so no -c is needed.
flash=(-p "serprog:ip=127.0.0.1:$port")
set -x
serprog probe "${flash[@]}"
serprog read "$work/dump.bin" "${flash[@]}" --passes 2
cmp "$work/dump.bin" "$work/old.rom"
head -c 8388608 /dev/urandom > "$work/canoeboot.rom"
serprog write "$work/canoeboot.rom" "${flash[@]}" --backup "$work/backup.bin"
cmp "$work/backup.bin" "$work/old.rom"
serprog verify "$work/canoeboot.rom" "${flash[@]}"
serprog write "$work/canoeboot.rom" "${flash[@]}" --no-backup
serprog bench "${flash[@]}" --size 2M
set +x

kill -TERM $emulator
wait $emulator || true
cmp "$work/chip-after.bin" "$work/canoeboot.rom"
echo "demo: the emulated chip holds the new image, verified"
