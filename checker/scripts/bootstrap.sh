#!/usr/bin/env bash
# Sets up and builds doichieu on Debian 12: installs the Debian packages that are missing (as root, or
# through sudo), configures CMake once and builds incrementally.
#
#   checker/scripts/bootstrap.sh [--sanitize]      -> build/ (or build-sanitize/ with ASan+UBSan)
#
# Prints the build directory on its last line so callers can use it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sanitize=OFF
build="$root/build"
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=ON; build="$root/build-sanitize" ;;
    *) echo "bootstrap.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=(g++ cmake ninja-build pkg-config libicu-dev libre2-dev libboost-dev nlohmann-json3-dev catch2
          python3 python3-jsonschema libmd4c-dev libgumbo-dev libcli11-dev libfmt-dev chromium php-cli libcpp-httplib-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "doichieu: installing ${missing[*]}" >&2
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "doichieu: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
    as_root=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet: update only when the first attempt fails.
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
    { "${as_root[@]}" apt-get update -qq >&2 &&
      "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2; }
fi

if [ ! -f "$build/build.ninja" ]; then
  build_type=RelWithDebInfo
  [ "$sanitize" = ON ] && build_type=Debug
  # ccache, when the machine has it, makes rebuilds in fresh clones and extra build trees cheap.
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DDOICHIEU_SANITIZE="$sanitize" \
    "${launcher[@]}" >&2
fi
cmake --build "$build" -j "$(nproc)" >&2
echo "$build"
