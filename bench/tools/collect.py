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

import loops_tables

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


def verdict(ok):
    return "**MET**" if ok else "**MISSED**"


def goals(suites, compare, peak):
    """One row per goal of issues 2, 3, 4 and 6: the measured figure and MET/MISSED."""
    rows = []
    medians = {(t, r["method"], tuple(sorted(r["params"].items()))): r for t, rs in suites.items() for r in rs}

    def get(t, m, **params):
        return medians.get((t, m, tuple(sorted((k, str(v)) for k, v in params.items()))))

    for s in SCALAR:
        if s not in suites:
            continue
        f = s.replace("Benchmarks", "")
        hand, primal = get(s, "HandWrittenGradient"), get(s, "Primal")
        gen, jvp = get(s, "GeneratedGradient"), get(s, "GeneratedJvp")
        if gen:
            r = gen["median"] / hand["median"]
            rows.append((f"{f}: generated gradient ≤ 1.1× hand-written", f"{r:.2f}×", verdict(r <= 1.1)))
            r = gen["median"] / primal["median"]
            rows.append((f"{f}: generated gradient ≤ 3× primal", f"{r:.2f}×", verdict(r <= 3)))
        if jvp:
            r = jvp["median"] / primal["median"]
            rows.append((f"{f}: generated Jvp ≤ 2× primal", f"{r:.2f}×", verdict(r <= 2)))
        if gen and jvp:
            b = gen["bytes"] + jvp["bytes"]
            rows.append((f"{f}: generated code allocates nothing", f"{b} B", verdict(b == 0)))
        dual = get(s, "DualJvp")
        if dual:
            r = dual["median"] / primal["median"]
            rows.append((f"{f}: Dual (one pass) ≤ 2× primal", f"{r:.2f}×", verdict(r <= 2)))
    if "TapeThroughput" in suites:
        sizes = (100, 1000, 10000, 100000, 1000000)
        for chain in ("Mixed", "Arithmetic"):
            pairs = [(n, get("TapeThroughput", "Tape" + chain, Operations=n),
                      get("TapeThroughput", "Double" + chain, Operations=n)) for n in sizes]
            pairs = [(n, t, d) for n, t, d in pairs if t and d]
            if not pairs:
                continue
            per_op = [(n, t["median"] / n) for n, t, _ in pairs]
            ratio = [(n, t["median"] / d["median"]) for n, t, d in pairs]
            for what, values, limit, unit in (("≤ 10 ns per operation", per_op, 10, " ns"),
                                              ("≤ 15× the plain double evaluation", ratio, 15, "×")):
                cell = " / ".join(f"{v:.1f}{unit}" for _, v in values)
                met = [n for n, v in values if v <= limit]
                if len(met) == len(values):
                    mark = verdict(True)
                elif not met:
                    mark = verdict(False)
                else:
                    mark = f"{verdict(False)} (met at {', '.join(f'{n:,}' for n in met)} ops)"
                rows.append((f"Tape {what}, forward+backward, {chain.lower()} chain of 10²/10³/10⁴/10⁵/10⁶ ops",
                             cell, mark))
    for row in compare:
        if row["measure"].startswith("train 2-64-64-1"):
            rows.append(("MLP 2-64-64-1, batch 32: ≥ 5× PyTorch steps/s",
                         f"{row['speedup']:.2f}× ({row['leibniz']:,.0f} vs {row['pytorch']:,.0f} steps/s)",
                         verdict(row["speedup"] >= 5)))
        if row["measure"].startswith("train 64-256-256-1"):
            rows.append(("MLP 64-256-256-1, batch 1024: ≥ 1× PyTorch steps/s",
                         f"{row['speedup']:.2f}× ({row['leibniz']:,.1f} vs {row['pytorch']:,.1f} steps/s)",
                         verdict(row["speedup"] >= 1)))
    for net in ("small", "large"):
        step = get("TrainingBenchmarks", "TrainStep", Net=net)
        if step:
            rows.append((f"Training step allocates 0 bytes ({net})", f"{step['bytes']} B", verdict(step["bytes"] == 0)))
    mm = get("MatMulBenchmarks", "Leibniz", N=1024)
    if mm:
        g = 2 * 1024 ** 3 / mm["median"]
        rows.append(("matmul 1024 ≥ 50 % of peak", f"{g:.1f} GFLOP/s = {100 * g / peak:.0f} % of {peak} GFLOP/s",
                     verdict(g >= 0.5 * peak)))
    rows += loops_tables.goal_rows(get)
    return table(["Goal", "Measured", "Verdict"], rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results", nargs="?", default="BenchmarkDotNet.Artifacts/results")
    parser.add_argument("--peak-gflops", type=float, default=117.1)
    parser.add_argument("--compare", help="the JSON bench/compare.py --json-out wrote")
    parser.add_argument("--splice", help="write the goals and the tables between the <!-- goals:start/end --> and "
                                         "<!-- tables:start/end --> markers of this Markdown file instead of printing")
    args = parser.parse_args()
    suites = load(args.results)
    compare = []
    if args.compare:
        with open(args.compare) as f:
            compare = json.load(f)
    out = [goals(suites, compare, args.peak_gflops)]
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
    loops = loops_tables.tables(suites, grouped, keyer)
    if args.splice:
        with open(args.splice) as f:
            doc = f.read()
        regions = [("goals", out[0]), ("tables", "\n\n".join(out[1:]))]
        if loops:
            regions.append(("issue7", "\n\n".join(loops)))
        for region, text in regions:
            start, end = f"<!-- {region}:start -->", f"<!-- {region}:end -->"
            doc = doc[:doc.index(start) + len(start)] + "\n" + text + "\n" + doc[doc.index(end):]
        with open(args.splice, "w") as f:
            f.write(doc)
    else:
        print("\n\n".join(out + loops))


if __name__ == "__main__":
    main()
