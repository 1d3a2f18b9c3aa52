#!/usr/bin/python3
"""Runs Leibniz and PyTorch side by side and prints one table of ratios (Leibniz / PyTorch, >1 = Leibniz faster).

1. Training: `dotnet run ... -- train --json` and bench/pytorch/train_mlp.py --json with the same protocol: a 1 s
   warm-up on a throwaway model, then the same data, networks, Adam, batch sizes and epochs; median steps/s over the
   epochs after the first; final training-set MSE. Once per initialisation seed (default 3), so the final losses
   show their noise band, and once without the warm-up (a cold start: on the Leibniz side most of the run is then
   still unoptimised JIT code).
2. With --kernels: bench/pytorch/scalar_autograd.py and tensor_ops.py against the BenchmarkDotNet reports of the
   TapeThroughput, MatMul and Elementwise suites (run them first, e.g.
   `dotnet run -c Release --project bench/Leibniz.Benchmarks -- --filter '*Tape*' '*Tensors*'`).

Usage: /usr/bin/python3 bench/compare.py [--epochs N] [--seeds S] [--kernels] [--artifacts DIR] [--json-out FILE]
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = "/usr/bin/python3"  # Debian's python3, which has python3-torch


def run_json_lines(command, cwd=ROOT):
    """Runs a command and returns the JSON objects it printed, one per line."""
    out = subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def training(epochs, seeds):
    """Steps/s (median over seeds of each run's median over epochs) and the final loss of every seed."""
    extra = ["--epochs", str(epochs)] if epochs else []
    subprocess.run(["dotnet", "build", "-c", "Release", "bench/Leibniz.Benchmarks", "-v", "q", "-nologo"],
                   cwd=ROOT, check=True, capture_output=True)
    runs = {"leibniz": [], "torch": []}
    for seed in range(seeds):
        seeded = extra + ["--seed", str(seed)]
        runs["leibniz"].append(run_json_lines(["dotnet", "run", "-c", "Release", "--no-build", "--project",
                                               "bench/Leibniz.Benchmarks", "--", "train", "--json"] + seeded))
        runs["torch"].append(run_json_lines([PYTHON, "bench/pytorch/train_mlp.py", "--json"] + seeded))
    cold = {"leibniz": run_json_lines(["dotnet", "run", "-c", "Release", "--no-build", "--project",
                                       "bench/Leibniz.Benchmarks", "--", "train", "--json", "--warmup-seconds", "0"]
                                      + extra),
            "torch": run_json_lines([PYTHON, "bench/pytorch/train_mlp.py", "--json", "--warmup-seconds", "0"] + extra)}
    rows = []
    for net in range(len(runs["leibniz"][0])):
        lz = [r[net] for r in runs["leibniz"]]
        pt = [r[net] for r in runs["torch"]]
        if lz[0]["data_checksum"] != pt[0]["data_checksum"]:
            raise SystemExit(f"The two sides trained on different data: checksums {lz[0]['data_checksum']} and "
                             f"{pt[0]['data_checksum']}.")
        lz_rate = statistics.median(r["steps_per_second_median"] for r in lz)
        pt_rate = statistics.median(r["steps_per_second_median"] for r in pt)
        rows.append((f"train {lz[0]['layers']} batch {lz[0]['batch']} (steps/s)", lz_rate, pt_rate, lz_rate / pt_rate))
        for side, results in (("Leibniz", lz), ("PyTorch", pt)):
            losses = ", ".join(f"{r['final_loss']:.5f}" for r in results)
            print(f"# {side} {lz[0]['layers']}: final training MSE after {lz[0]['epochs']} epochs, seeds 0..{seeds - 1}: "
                  f"{losses}; bytes/step: {results[0].get('bytes_per_step', 'n/a')}")
        rows.append((f"  final training MSE, median of {seeds} seeds", statistics.median(r["final_loss"] for r in lz),
                     statistics.median(r["final_loss"] for r in pt), None))
        lz_cold = cold["leibniz"][net]["steps_per_second_median"]
        pt_cold = cold["torch"][net]["steps_per_second_median"]
        rows.append(("  the same from a cold start (no warm-up, steps/s)", lz_cold, pt_cold, lz_cold / pt_cold))
    return rows


def bdn_medians(artifacts, suite):
    """{(method, parameters): median ns} from a BenchmarkDotNet full JSON report whose name contains suite."""
    medians = {}
    for path in glob.glob(os.path.join(artifacts, f"*{suite}*-report-full.json")):
        with open(path) as f:
            for b in json.load(f)["Benchmarks"]:
                if b.get("Statistics"):
                    medians[(b["Method"], b.get("Parameters", ""))] = b["Statistics"]["Median"]
    return medians


def kernels(artifacts):
    rows = []
    tape = bdn_medians(artifacts, "TapeThroughput")
    torch_tape = run_json_lines([PYTHON, "bench/pytorch/scalar_autograd.py", "--json"])
    for t in torch_tape:
        ns = tape.get(("TapeMixed", f"Operations={t['ops']}"))
        if ns is not None:
            lz = ns / t["ops"]
            rows.append((f"scalar reverse mode, {t['ops']:,} ops (ns/op)", lz, t["torch_ns_per_op"],
                         t["torch_ns_per_op"] / lz))
    matmul = bdn_medians(artifacts, "MatMul")
    elementwise = bdn_medians(artifacts, "Elementwise")
    for t in run_json_lines([PYTHON, "bench/pytorch/tensor_ops.py", "--json"]):
        if t["op"] == "matmul":
            ns = matmul.get(("Leibniz", f"N={t['n']}"))
            if ns is not None:
                gflops = 2 * t["n"] ** 3 / ns
                rows.append((f"matmul {t['n']} (GFLOP/s)", gflops, t["gflops"], gflops / t["gflops"]))
        else:
            ns = elementwise.get((f"Leibniz{t['op'].capitalize()}", f"N={t['n']}"))
            if ns is not None:
                rows.append((f"{t['op']} {t['n']:,} floats (us)", ns / 1e3, t["us"], t["us"] * 1e3 / ns))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=0, help="0 = each network's default (20)")
    parser.add_argument("--seeds", type=int, default=3, help="initialisation seeds per side (final-loss noise band)")
    parser.add_argument("--kernels", action="store_true", help="also compare tape, matmul and element-wise ops")
    parser.add_argument("--artifacts", default=os.path.join(ROOT, "BenchmarkDotNet.Artifacts", "results"))
    parser.add_argument("--json-out", help="also write the rows to this JSON file (bench/tools/collect.py reads it)")
    args = parser.parse_args()
    rows = training(args.epochs, args.seeds)
    if args.kernels:
        rows += kernels(args.artifacts)
    print(f"{'measure':<52} {'Leibniz':>12} {'PyTorch':>12} {'Leibniz speed-up':>17}")
    for name, lz, pt, ratio in rows:
        speedup = f"{ratio:>16.2f}x" if ratio is not None else f"{'':>17}"
        print(f"{name:<52} {lz:>12.6g} {pt:>12.6g} {speedup}")
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump([{"measure": n, "leibniz": lz, "pytorch": pt, "speedup": r} for n, lz, pt, r in rows], f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
