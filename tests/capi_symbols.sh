#!/bin/sh
# CTest case: libdoichieu.so exports the C ABI and the C++ API (namespace doichieu) and nothing else —
# no nlohmann, Boost, RE2 or std instantiations a host process could clash with — under SONAME .so.0.
set -eu
lib=$1
fail() { echo "capi_symbols: $*" >&2; exit 1; }
soname=$(readelf -d "$lib" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = libdoichieu.so.0 ] || fail "SONAME is '$soname'"
exports=$(nm -D --defined-only "$lib" | awk '$2 ~ /[TDBRVWiu]/ {print $3}' | sed 's/@.*//' | sort -u)
for f in doichieu_version doichieu_version_number doichieu_status_message doichieu_engine_create \
         doichieu_engine_error doichieu_engine_destroy doichieu_check doichieu_extract doichieu_result_status \
         doichieu_result_json doichieu_result_error doichieu_result_destroy; do
  echo "$exports" | grep -qx "$f" || fail "C function $f is not exported"
done
echo "$exports" | c++filt | grep -q '^doichieu::engine::load(' || fail "C++ doichieu::engine::load is not exported"
stray=$(echo "$exports" | c++filt | grep -v -e '^doichieu_' -e '^doichieu::' -e '^typeinfo for doichieu::' \
  -e '^typeinfo name for doichieu::' -e '^vtable for doichieu::' -e '^DOICHIEU_0$' || true)
[ -z "$stray" ] || fail "unexpected exported symbols: $(echo "$stray" | head -n 20)"
echo "capi_symbols: $(echo "$exports" | wc -l) symbols, all doichieu_* or doichieu::"
