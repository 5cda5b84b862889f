#!/bin/sh
# CTest case: install the build to a temporary prefix, then build and run tests/package_consumer against
# it (find_package(doichieu) with the shared and the static library) and a C program against the
# pkg-config file — the way a CMS plugin's build would use an installed doichieu.
#
#   tests/capi_package.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -eu
build=$1 source=$2 work=$3
prefix=$work/prefix

rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

libdir=$(sed -n 's/^libdir=\${prefix}\///p' "$prefix"/lib*/pkgconfig/doichieu.pc 2>/dev/null || true)
[ -n "$libdir" ] || libdir=$(cd "$prefix" && ls -d lib*/pkgconfig | head -n1 | sed 's,/pkgconfig$,,')
data=$prefix/share/doichieu

fail() { echo "capi_package: $*" >&2; exit 1; }
[ -x "$prefix/bin/doichieu" ] || fail "CLI not installed"
[ -f "$prefix/include/doichieu/doichieu.h" ] || fail "doichieu.h not installed"
[ -f "$prefix/include/doichieu/engine.hpp" ] || fail "engine.hpp not installed"
[ -f "$prefix/include/doichieu/reports/reporter.hpp" ] || fail "reporter.hpp not installed"
[ -f "$prefix/$libdir/libdoichieu.a" ] || fail "static library not installed"
[ -L "$prefix/$libdir/libdoichieu.so" ] || fail "libdoichieu.so link not installed"
soname=$(readelf -d "$prefix/$libdir/libdoichieu.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = libdoichieu.so.0 ] || fail "SONAME is '$soname', expected libdoichieu.so.0"
[ -f "$data/rules/vi/TOTAL_EQUALS_PARTS.json" ] || fail "rules not installed in share/doichieu"
ls "$data"/grammars/lexicon/vi/*.json >/dev/null || fail "lexicons not installed in share/doichieu"

# find_package(doichieu) from a separate project.
cmake -S "$source/tests/package_consumer" -B "$work/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  >"$work/consumer-configure.log" || { cat "$work/consumer-configure.log"; fail "consumer configure failed"; }
cmake --build "$work/consumer" >"$work/consumer-build.log" 2>&1 ||
  { cat "$work/consumer-build.log"; fail "consumer build failed"; }
"$work/consumer/consumer_c" "$data" >/dev/null || fail "consumer_c (shared) did not find the finding"
"$work/consumer/consumer_c_static" "$data" >/dev/null || fail "consumer_c_static did not find the finding"
"$work/consumer/consumer_cpp" || fail "consumer_cpp (C++ API) did not find the finding"

# pkg-config: the C example built with the flags of the installed doichieu.pc.
PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" pkg-config --modversion doichieu >/dev/null || fail "pkg-config: no doichieu"
cflags=$(PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" pkg-config --cflags doichieu)
libs=$(PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" pkg-config --libs doichieu)
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror "$source/checker/examples/cms/c/check_post.c" $cflags $libs -o "$work/check_post" ||
  fail "the C example does not build with pkg-config"
DOICHIEU_DATA_DIR="$data" LD_LIBRARY_PATH="$prefix/$libdir" "$work/check_post" >/dev/null ||
  fail "the C example built with pkg-config failed"

# The installed CLI with the installed data.
"$prefix/bin/doichieu" --version >/dev/null || fail "installed CLI does not run"
echo "capi_package: ok ($prefix)"
