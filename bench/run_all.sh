#!/usr/bin/env bash
# One command for every figure in BENCHMARKS.md: the machine probe, every BenchmarkDotNet suite, the PyTorch side
# and the comparison, with the reports copied to bench/results/. About 15 minutes on the 2-core machine; run it on
# an otherwise idle machine (check `uptime`). Needs the .NET 10 SDK, gcc, and bench/pytorch/install.sh done.
# The '*' filter includes issue 7's suites (Loops/: span Rosenbrock, recurrence, Gaussian mixture; SecondOrder/:
# Hvp and Hessian); collect.py puts their tables between BENCHMARKS.md's <!-- issue7:start/end --> markers.
# Those suites alone: dotnet run -c Release --project bench/Leibniz.Benchmarks -- --filter '*Loops*' '*SecondOrder*'
#   bash bench/run_all.sh            full run
#   bash bench/run_all.sh --quick    smoke run of the same pipeline (numbers not for quoting)
set -euo pipefail
cd "$(dirname "$0")/.."
quick=()
if [ "${1:-}" = "--quick" ]; then quick=(--quick); fi
results=bench/results
mkdir -p "$results"
uptime | tee "$results/uptime.txt"
bash bench/machine/machine.sh | tee "$results/machine.txt"
/usr/bin/python3 bench/pytorch/check_blas.py > "$results/check_blas.txt"
tail -n 1 "$results/check_blas.txt"
rm -rf BenchmarkDotNet.Artifacts
mkdir -p BenchmarkDotNet.Artifacts
dotnet run -c Release --project bench/Leibniz.Benchmarks -- "${quick[@]}" --filter '*' | tee BenchmarkDotNet.Artifacts/run.log \
    | grep -E '^\||Global total'
/usr/bin/python3 bench/compare.py --kernels --seeds 5 --json-out "$results/compare.json" | tee "$results/compare.txt"
rm -f "$results"/*-report-github.md
cp BenchmarkDotNet.Artifacts/results/*-report-github.md "$results/"
python3 bench/tools/collect.py BenchmarkDotNet.Artifacts/results --compare "$results/compare.json" > "$results/tables.md"
uptime | tee -a "$results/uptime.txt"
echo "Tables: $results/tables.md (python3 bench/tools/collect.py --splice BENCHMARKS.md ... updates BENCHMARKS.md)"
