#!/usr/bin/env bash
# Installs the Debian packages of the given groups from .setup/debian-packages.txt that are
# missing. Usage: ensure-packages.sh [--no-recommends] [--print] group...
#   --print           only print the packages of the groups, one per line (the Dockerfile test uses it)
#   --no-recommends   install without recommended packages (slim container images)
# Exits 0 when everything is installed; otherwise installs as root with apt-get, or fails with
# one message naming the exact packages.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
list="$here/debian-packages.txt"
recommends=1
print=0
groups=()
for arg in "$@"; do
  case "$arg" in
    --no-recommends) recommends=0 ;;
    --print) print=1 ;;
    -*) echo "ensure-packages: unknown option $arg" >&2; exit 2 ;;
    *) groups+=("$arg") ;;
  esac
done
if [ ${#groups[@]} -eq 0 ]; then
  echo "usage: ensure-packages.sh [--no-recommends] [--print] group..." >&2
  exit 2
fi

packages=()
for group in "${groups[@]}"; do
  found=0
  while read -r g pkg _; do
    case "$g" in ''|\#*) continue ;; esac
    if [ "$g" = "$group" ]; then packages+=("$pkg"); found=1; fi
  done < "$list"
  if [ $found -eq 0 ]; then
    echo "ensure-packages: no group '$group' in $list" >&2
    exit 2
  fi
done

if [ $print -eq 1 ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing_packages() {
  local p status
  for p in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || echo "$p"
  done
}

mapfile -t missing < <(missing_packages)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: the MCU needs these Debian packages, which are not installed: ${missing[*]}" >&2
  echo "error: install them as root with: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

# Parallel builds may get here at once: one installs, the others wait and then re-check.
exec 9>"${TMPDIR:-/tmp}/mcu-ensure-packages.lock"
flock 9
mapfile -t missing < <(missing_packages)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "ensure-packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
opts=(-y -q)
[ $recommends -eq 0 ] && opts+=(--no-install-recommends)
apt-get update -q >&2
if ! apt-get install "${opts[@]}" "${missing[@]}" >&2; then
  echo "error: apt-get could not install: ${missing[*]}" >&2
  exit 1
fi
