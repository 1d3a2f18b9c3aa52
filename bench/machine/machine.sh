#!/usr/bin/env bash
# Prints what BENCHMARKS.md's machine section is built from: lscpu, the nominal and the measured clock, and the
# float32 FMA throughput of one core (bench/machine/clock.c, built with the machine's gcc).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lscpu | grep -E 'Model name|Vendor ID|CPU family|^Model:|^CPU\(s\)|Thread|Core|L1d|L2|L3|Hypervisor'
grep -m1 'cpu MHz' /proc/cpuinfo
for flag in avx2 fma avx512f; do
    grep -qw "$flag" /proc/cpuinfo && echo "flag: $flag" || echo "flag: no $flag"
done
out=$(mktemp)
gcc -O3 -funroll-all-loops -mavx512f -mfma "$here/clock.c" -o "$out"
"$out"
rm -f "$out"
