"""The issue-7 part of collect.py: goal rows and tables for the loop, span and second-order suites
(bench/Leibniz.Benchmarks/Loops and SecondOrder). collect.py imports it; it is not run on its own."""

SUITES = ("SpanRosenbrockBenchmarks", "RecurrenceBenchmarks", "GaussianMixtureBenchmarks", "LocalArrayBenchmarks",
          "SecondOrderBenchmarks", "SpanHvpBenchmarks")
SIZES = (100, 10000, 1000000)
STEPS = (100, 10000)
SHAPES = ("n100_K3_d3", "n1000_K5_d10")
# Cost per element may grow by at most this factor from n = 10⁴ to 10⁶ (a quadratic cost would grow 100×); the
# small sizes are left out because a fixed cost per call dominates them.
LINEAR_SLACK = 1.25


def verdict(ok):
    return "**MET**" if ok else "**MISSED**"


def over(values, limit):
    """MET when every value is ≤ limit, otherwise MISSED with the sizes where it holds, if any."""
    met = [k for k, v in values if v <= limit]
    if len(met) == len(values):
        return verdict(True)
    if not met:
        return verdict(False)
    return f"{verdict(False)} (met at {', '.join(str(k) for k in met)})"


def goal_rows(get):
    """(goal, measured, verdict) rows; get(type, method, **params) returns a report row or None."""
    rows = []

    def ratios(suite, method, base, key, values, label, fixed):
        pairs = [(label(v), get(suite, method, **fixed, **{key: v}), get(suite, base, **fixed, **{key: v}))
                 for v in values]
        return [(k, m["median"] / b["median"]) for k, m, b in pairs if m and b]

    for suite, key, values, label, what, fixed in (
            ("SpanRosenbrockBenchmarks", "N", SIZES, lambda n: f"n = {n:,}", "span Rosenbrock", {}),
            ("RecurrenceBenchmarks", "Steps", STEPS, lambda k: f"k = {k:,}", "recurrence (tape), r = 0.3",
             {"R": 0.3}),
            ("RecurrenceBenchmarks", "Steps", STEPS, lambda k: f"k = {k:,}",
             "recurrence (tape), r = 0.8 (subnormal adjoints)", {"R": 0.8}),
            ("GaussianMixtureBenchmarks", "Shape", SHAPES, lambda s: s.replace("_", " "), "Gaussian mixture", {}),
            ("LocalArrayBenchmarks", "N", (100, 10000), lambda n: f"n = {n:,}", "local array (Centred)", {})):
        r = ratios(suite, "GeneratedGradient", "Primal", key, values, label, fixed)
        if r:
            rows.append((f"Loops: {what} generated gradient ≤ 3× primal ({', '.join(k for k, _ in r)})",
                         " / ".join(f"{v:.2f}×" for _, v in r), over(r, 3)))
    small = [(w, get(s, m, **p)) for w, s, m, p in (
        ("span Rosenbrock gradient n = 100", "SpanRosenbrockBenchmarks", "GeneratedGradient", {"N": 100}),
        ("span Rosenbrock Jvp n = 100", "SpanRosenbrockBenchmarks", "GeneratedJvp", {"N": 100}),
        ("recurrence gradient k = 100 (stackalloc tape)", "RecurrenceBenchmarks", "GeneratedGradient",
         {"R": 0.3, "Steps": 100}),
        ("recurrence gradient k = 10,000 (pooled tape)", "RecurrenceBenchmarks", "GeneratedGradient",
         {"R": 0.3, "Steps": 10000}),
        ("local-array gradient n = 100 (stack buffers)", "LocalArrayBenchmarks", "GeneratedGradient", {"N": 100}),
        ("local-array gradient n = 10,000 (pooled buffers)", "LocalArrayBenchmarks", "GeneratedGradient", {"N": 10000}))]
    for what, r in small:
        if r:
            rows.append((f"Loops: {what} allocates 0 bytes", f"{r['bytes']} B", verdict(r["bytes"] == 0)))
    for suite, key, values, unit, fixed, name in (
            ("SpanRosenbrockBenchmarks", "N", (10000, 1000000), "element", {}, "span Rosenbrock"),
            ("RecurrenceBenchmarks", "Steps", STEPS, "step", {"R": 0.3}, "recurrence r = 0.3"),
            ("RecurrenceBenchmarks", "Steps", STEPS, "step", {"R": 0.8}, "recurrence r = 0.8")):
        for method in ("GeneratedGradient", "GeneratedJvp"):
            rs = [get(suite, method, **fixed, **{key: v}) for v in values]
            if not all(rs):
                continue
            per = [r["median"] / v for r, v in zip(rs, values)]
            growth = per[-1] / per[0]
            rows.append((f"Loops: {name} {method} cost linear in {key} (ns/{unit} at {values[-1]:,} ≤ "
                         f"{LINEAR_SLACK}× at {values[0]:,})",
                         f"{per[0]:.2f} → {per[-1]:.2f} ns/{unit} ({growth:.2f}×)", verdict(growth <= LINEAR_SLACK)))
    span = [(n, get("SpanHvpBenchmarks", "GeneratedHvp", N=n), get("SpanHvpBenchmarks", "GeneratedGradient", N=n)) for n in SIZES]
    span = [(f"n = {n:,}", h["median"] / g["median"]) for n, h, g in span if h and g]
    if span:
        rows.append((f"Second order: span Rosenbrock Hvp ≤ 3× gradient ({', '.join(k for k, _ in span)})",
                     " / ".join(f"{v:.2f}×" for _, v in span), over(span, 3)))
    for f in ("Rosenbrock", "Mixed"):
        gradient, hvp, hessian = (get("SecondOrderBenchmarks", f + m) for m in ("Gradient", "Hvp", "Hessian"))
        if gradient and hvp:
            r = hvp["median"] / gradient["median"]
            rows.append((f"Second order: {f} Hvp ≤ 3× gradient", f"{r:.2f}×", verdict(r <= 3)))
        if gradient and hessian:
            b = hvp["bytes"] + hessian["bytes"] if hvp else hessian["bytes"]
            rows.append((f"Second order: {f} Hvp and Hessian allocate 0 bytes", f"{b} B", verdict(b == 0)))
    return rows


def tables(suites, grouped, keyer):
    """The Markdown tables of the issue-7 suites present in suites, or [] when none is."""
    out = []
    if "SpanRosenbrockBenchmarks" in suites:
        rows = suites["SpanRosenbrockBenchmarks"]
        out.append(grouped("Span Rosenbrock (for loop over ReadOnlySpan<double>)", rows, keyer("N"),
                           lambda r: "Primal", "ns/element", lambda r: f"{r['median'] / int(r['params']['N']):.3f}",
                           versus_hand_written(rows, "N")))
        out.append(growth("Span Rosenbrock: ns per element against n", rows, "N", "n"))
    if "RecurrenceBenchmarks" in suites:
        rows = suites["RecurrenceBenchmarks"]
        out.append(grouped("Recurrence y ← r·sin(y) + x/2 (carried-value tape)", rows, keyer("R", "Steps"),
                           lambda r: "Primal", "ns/step", lambda r: f"{r['median'] / int(r['params']['Steps']):.2f}",
                           versus_hand_written(rows, "R", "Steps")))
        for value in sorted({r["params"].get("R", "") for r in rows}):
            out.append(growth(f"Recurrence, r = {value}: ns per step against k",
                              [r for r in rows if r["params"].get("R", "") == value], "Steps", "k"))
    if "GaussianMixtureBenchmarks" in suites:
        out.append(grouped("Gaussian-mixture log-likelihood", suites["GaussianMixtureBenchmarks"], keyer("Shape"),
                           lambda r: "Primal", "ns/point",
                           lambda r: f"{r['median'] / int(r['params']['Shape'].split('_')[0][1:]):,.1f}"))
    if "LocalArrayBenchmarks" in suites:
        out.append(grouped("Local array filled, then read (Centred)", suites["LocalArrayBenchmarks"], keyer("N"),
                           lambda r: "Primal", "ns/element", lambda r: f"{r['median'] / int(r['params']['N']):.3f}"))
    if "SecondOrderBenchmarks" in suites:
        rows = suites["SecondOrderBenchmarks"]
        for r in rows:
            r["params"]["Function"] = "Rosenbrock" if r["method"].startswith("Rosenbrock") else "Mixed"
        out.append(grouped("Second order (straight-line scalar methods)", rows, keyer("Function"),
                           lambda r: r["params"]["Function"] + "Gradient", "× primal",
                           lambda r: f"{r['median'] / primal_of(rows, r):.2f}"))
    if "SpanHvpBenchmarks" in suites:
        out.append(grouped("Span Hessian-vector product", suites["SpanHvpBenchmarks"], keyer("N"),
                           lambda r: "GeneratedGradient", "ns/element",
                           lambda r: f"{r['median'] / int(r['params']['N']):.3f}"))
    return out


def primal_of(rows, row):
    f = row["params"]["Function"]
    return next(r["median"] for r in rows if r["method"] == f + "Primal")


def versus_hand_written(rows, *keys):
    """An extra column: the median over the hand-written gradient's median with the same parameters."""
    hand = {tuple(r["params"].get(k, "") for k in keys): r["median"] for r in rows if r["method"] == "HandWrittenGradient"}

    def cell(r):
        at = tuple(r["params"].get(k, "") for k in keys)
        return f"{r['median'] / hand[at]:.2f}" if at in hand else ""
    cell.header = "× hand-written"
    return cell


def growth(name, rows, key, label):
    """One line per size: each method's median divided by the size, so linear cost shows as a constant column."""
    methods = list(dict.fromkeys(r["method"] for r in rows))
    sizes = sorted({int(r["params"][key]) for r in rows})
    at = {(r["method"], int(r["params"][key])): r["median"] for r in rows}
    body = [[f"{n:,}", *(f"{at[(m, n)] / n:.3f}" if (m, n) in at else "" for m in methods)] for n in sizes]
    header = ["| " + " | ".join([label, *methods]) + " |", "|" + "|".join("---:" for _ in range(len(methods) + 1)) + "|"]
    return f"#### {name}\n\n" + "\n".join(header + ["| " + " | ".join(b) + " |" for b in body])
