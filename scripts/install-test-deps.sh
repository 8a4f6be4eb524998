#!/usr/bin/env bash
# The Debian packages the interop tests drive: real flashrom, and socat for the pty path.
set -euo pipefail
missing=()
command -v flashrom >/dev/null 2>&1 || [ -x /usr/sbin/flashrom ] || missing+=(flashrom)
command -v socat >/dev/null 2>&1 || missing+=(socat)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: missing ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (interop tests report 'not run' without them)" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
