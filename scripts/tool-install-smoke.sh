#!/usr/bin/env bash
# `serprog` as a .NET tool, installed the way a user would: packs the CLI into a local feed, installs it with
# `dotnet tool install` into a scratch tool path (never the user's global tools), then runs it: --version,
# probe, and a read compared byte for byte with the emulated chip's image. Checks the package's description,
# licence and readme. Prints one line "tool install: PASS" or "tool install: FAIL (why)"; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "tool install: FAIL ($*)"
  exit 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack host/SerprogNano.Cli -c Release -o "$work/feed" --nologo -v q >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; fail "dotnet pack"; }
package=$(ls "$work/feed"/SerprogNano.*.nupkg 2>/dev/null | head -n 1)
[ -n "$package" ] || fail "dotnet pack made no SerprogNano package: $(ls "$work/feed")"
unzip -p "$package" SerprogNano.nuspec >"$work/nuspec" || fail "no nuspec in $package"
grep -q '<packageType name="DotnetTool"' "$work/nuspec" || fail "the package is not a .NET tool"
grep -q '<description>Probe, dump' "$work/nuspec" || fail "the package has no real description"
grep -q '<license type="expression">MIT</license>' "$work/nuspec" || fail "the package names no licence"
grep -q '<readme>README.md</readme>' "$work/nuspec" || fail "the package has no readme"

version=$(sed -n 's|.*<version>\(.*\)</version>.*|\1|p' "$work/nuspec")
dotnet tool install SerprogNano --version "$version" --tool-path "$work/tools" --add-source "$work/feed" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; fail "dotnet tool install"; }
serprog="$work/tools/serprog"
[ -x "$serprog" ] || fail "the installed tool has no 'serprog' command"

"$serprog" --version >"$work/version.txt" 2>&1 || { cat "$work/version.txt"; fail "serprog --version"; }
grep -q "^$version" "$work/version.txt" || fail "serprog --version printed '$(cat "$work/version.txt")', not $version"
"$serprog" probe -p emulator >"$work/probe.txt" 2>&1 || { cat "$work/probe.txt"; fail "serprog probe -p emulator"; }
head -c $((4 * 1024 * 1024)) /dev/urandom >"$work/image.bin"
"$serprog" read "$work/dump.bin" -p "emulator:W25Q32FV,image=$work/image.bin" >"$work/read.txt" 2>&1 \
  || { cat "$work/read.txt"; fail "serprog read"; }
cmp -s "$work/image.bin" "$work/dump.bin" || fail "the installed tool's dump differs from the emulated chip"

echo "tool install: PASS ($(basename "$package"), installed with dotnet tool install, probe and 4 MiB read)"
