# Sourced by the figure scripts that time serprog and flashrom against `serprog emulate` over TCP.
# Sets $work (a temporary folder, removed on exit), $serprog (a copy of the CLI, so a rebuild while the figures
# run does not change the program half-way), $port; defines start_emulator, stop_emulator and timed.
dotnet build host/SerprogNano.Cli -v q --nologo >/dev/null
work=$(mktemp -d)
cp -r host/SerprogNano.Cli/bin/Debug/net10.0 "$work/serprog-bin"
serprog=$work/serprog-bin/serprog
port=$((20000 + RANDOM % 20000))
emulator_pid=
stop_emulator() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=; fi
}
trap 'stop_emulator; rm -rf "$work"' EXIT
# start_emulator EMULATE-OPTIONS...: a fresh emulator on 127.0.0.1:$port, waited for until it accepts.
start_emulator() {
  stop_emulator
  "$serprog" emulate --listen "127.0.0.1:$port" "$@" >"$work/emulator.log" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "the emulator did not start:" >&2; cat "$work/emulator.log" >&2; exit 1
}
# timed COMMAND [";;" COMMAND]...: runs the commands in turn, stops the script if one fails, prints their seconds.
timed() {
  local start end word args=()
  start=$(date +%s.%N)
  for word in "$@" ";;"; do
    if [ "$word" = ";;" ]; then
      if ! "${args[@]}" >"$work/last.log" 2>&1; then echo "failed: ${args[*]}" >&2; tail -20 "$work/last.log" >&2; exit 1; fi
      args=()
    else
      args+=("$word")
    fi
  done
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.1f s", $2 - $1 }'
}
