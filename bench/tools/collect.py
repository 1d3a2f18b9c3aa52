#!/usr/bin/python3
"""Turns the BenchmarkDotNet JSON reports into the condensed Markdown tables of BENCHMARKS.md: medians, the ratio to
each group's baseline, the derived rate (ns/op, GFLOP/s, steps/s, ...) and bytes allocated per operation.

Usage: python3 bench/tools/collect.py [BenchmarkDotNet.Artifacts/results] [--peak-gflops 117.1]
"""
import argparse
import glob
import json
import os
import re

SCALAR = ("RastriginBenchmarks", "RosenbrockBenchmarks", "Polynomial50Benchmarks", "BranchesBenchmarks")


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:,.3g} {unit}" if ns / scale < 100 else f"{ns / scale:,.1f} {unit}"
    return f"{ns:.3g} ns" if ns < 100 else f"{ns:,.1f} ns"


def fmt_bytes(b):
    return "0" if b == 0 else f"{b:,} B"


def load(results):
    suites = {}
    for path in sorted(glob.glob(os.path.join(results, "*-report-full.json"))):
        with open(path) as f:
            for b in json.load(f)["Benchmarks"]:
                if not b.get("Statistics"):
                    continue
                params = dict(p.split("=", 1) for p in b["Parameters"].split("&") if "=" in p)
                suites.setdefault(b["Type"], []).append({
                    "method": b["Method"], "params": params, "median": b["Statistics"]["Median"],
                    "bytes": b["Memory"]["BytesAllocatedPerOperation"]})
    return suites


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(header))) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def scalar(name, rows):
    by = {r["method"]: r for r in rows}
    base, primal = by["HandWrittenGradient"]["median"], by["Primal"]["median"]
    body = [(r["method"], fmt_time(r["median"]), f"{r['median'] / base:.2f}", f"{r['median'] / primal:.2f}",
             fmt_bytes(r["bytes"])) for r in rows]
    return f"#### {name}\n\n" + table(["Method", "Median", "× hand-written", "× primal", "Allocated"], body)


def grouped(name, rows, key, baseline_of, rate_header, rate, extra=None):
    groups = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    body = []
    for k in sorted(groups, key=lambda k: [int(x) if str(x).isdigit() else x for x in k]):
        g = groups[k]
        base = {r["method"]: r for r in g}
        for r in g:
            b = base.get(baseline_of(r))
            ratio = f"{r['median'] / b['median']:.2f}" if b else ""
            cells = [r["method"], *k, fmt_time(r["median"]), ratio, rate(r)]
            if extra:
                cells.append(extra(r))
            body.append(cells + [fmt_bytes(r["bytes"])])
    headers = ["Method", *[p for p in key.names], "Median", "Ratio", rate_header]
    if extra:
        headers.append(extra.header)
    return f"#### {name}\n\n" + table(headers + ["Allocated"], body)


def keyer(*names):
    def key(r):
        return tuple(r["params"].get(n, "") for n in names)
    key.names = names
    return key


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results", nargs="?", default="BenchmarkDotNet.Artifacts/results")
    parser.add_argument("--peak-gflops", type=float, default=117.1)
    args = parser.parse_args()
    suites = load(args.results)
    out = []
    for s in SCALAR:
        if s in suites:
            out.append(scalar(s.replace("Benchmarks", ""), suites[s]))
    if "TapeThroughput" in suites:
        rows = suites["TapeThroughput"]
        for r in rows:
            r["params"]["Chain"] = "Mixed" if "Mixed" in r["method"] else "Arithmetic"
        out.append(grouped("TapeThroughput", rows, keyer("Chain", "Operations"),
                           lambda r: r["method"].replace("Tape", "Double").replace("ForwardOnly", ""), "ns/op",
                           lambda r: f"{r['median'] / int(r['params']['Operations']):.2f}"))
    if "MatMulBenchmarks" in suites:
        def pct(r):
            return f"{200 * int(r['params']['N']) ** 3 / r['median'] / args.peak_gflops:.0f} %"
        pct.header = "% of peak"
        out.append(grouped("MatMul (float32)", suites["MatMulBenchmarks"], keyer("N"), lambda r: "SimpleSimd",
                           "GFLOP/s", lambda r: f"{2 * int(r['params']['N']) ** 3 / r['median']:.1f}", pct))
    if "ElementwiseBenchmarks" in suites:
        rows = suites["ElementwiseBenchmarks"]
        for r in rows:
            r["params"]["Op"] = re.sub(r"^(Raw|Leibniz)", "", r["method"]).lower()
        out.append(grouped("Element-wise (float32)", rows, keyer("Op", "N"),
                           lambda r: "Raw" + r["params"]["Op"].capitalize(), "Gelem/s",
                           lambda r: f"{int(r['params']['N']) / r['median']:.2f}"))
    if "TrainingBenchmarks" in suites:
        out.append(grouped("Training (Adam, MSE)", suites["TrainingBenchmarks"], keyer("Net"), lambda r: "Inference",
                           "steps/s", lambda r: f"{1e9 / r['median']:,.0f}"))
    if "FmaPeak" in suites:
        out.append(grouped("FMA peak", suites["FmaPeak"], keyer(), lambda r: "Vector256Fma", "GFLOP/s",
                           lambda r: f"{(16 if '512' in r['method'] else 8) * 2 * 12 * 65536 / r['median']:.1f}"))
    print("\n\n".join(out))


if __name__ == "__main__":
    main()
