#!/usr/bin/env bash
# Figures: 8 MiB read and write through every serprog firmware double, by serprog and by flashrom
# (busy times on, loopback TCP). Takes several minutes; prints a markdown table.
# SERPROG_FIGURES_FIRMWARE=PicoSerprog,FrserDuino limits it to some doubles.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test tests/SerprogNano.Interop.Tests --nologo --filter "TestCategory=Figures" \
  --logger "console;verbosity=detailed" "$@" | grep -E '^\s*\|' || true
