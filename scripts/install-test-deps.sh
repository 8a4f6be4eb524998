#!/usr/bin/env bash
# The Debian packages the tests drive: real flashrom, socat for the pty path, coreboot-utils (ifdtool, fmaptool,
# cbfstool) as the reference for the descriptor and FMAP parsers.
set -euo pipefail
missing=()
command -v flashrom >/dev/null 2>&1 || [ -x /usr/sbin/flashrom ] || missing+=(flashrom)
command -v socat >/dev/null 2>&1 || missing+=(socat)
for tool in ifdtool fmaptool cbfstool; do
  command -v $tool >/dev/null 2>&1 || [ -x /usr/sbin/$tool ] || { missing+=(coreboot-utils); break; }
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: missing ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (the tests that drive them report 'not run' without them)" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
