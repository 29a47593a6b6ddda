#!/usr/bin/env bash
# Builds native/ (libmcunative.so) into native/build. Called by the Mcu.Media.Native build;
# cheap when nothing changed. Installs the build packages first if they are missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
"$here/ensure-packages.sh" build run
mkdir -p "$root/native/build"
# Several builds (parallel projects, several shells) may share the tree: one cmake at a time.
exec 9>"$root/native/build/.lock"
flock 9
if [ ! -f "$root/native/build/CMakeCache.txt" ]; then
  cmake -S "$root/native" -B "$root/native/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$root/native/build" --parallel 2 -- --no-print-directory
