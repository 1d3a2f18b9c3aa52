"""Per-operation overhead of PyTorch's scalar autograd, for comparison with the Leibniz Tape.

The expression is the "mixed" chain bench/Leibniz.Benchmarks/Reverse/TapeThroughput.cs records: n operations in
groups of four, t = sin(c*x + 0.1), acc = acc + t, at x = 0.5, with c stepping from 0.9 by 1e-6 per group (a
dependency chain n operations long whose adjoints neither vanish nor overflow). Forward and backward are timed together on float64 scalars; the figure is the median
over repeats divided by n. Plain Python floats evaluating the same chain are timed too, for context.

Usage: /usr/bin/python3 bench/pytorch/scalar_autograd.py [--sizes 100,1000,10000,100000] [--json]
"""
import argparse
import json
import math
import statistics
import time

import one_thread  # noqa: F401  (before torch: one thread everywhere)
import torch


def chain_torch(n):
    x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    acc = torch.tensor(0.0, dtype=torch.float64)
    c = 0.9
    for _ in range(n // 4):
        t = x * c
        t = t + 0.1
        t = torch.sin(t)
        acc = acc + t
        c += 1e-6
    acc.backward()
    return x.grad.item()


def chain_float(n):
    x, acc, c = 0.5, 0.0, 0.9
    for _ in range(n // 4):
        t = x * c
        t = t + 0.1
        t = math.sin(t)
        acc = acc + t
        c += 1e-6
    return acc


def median_seconds(fn, n, budget=2.0):
    fn(n)  # warm-up
    times = []
    started = time.perf_counter()
    while len(times) < 3 or (len(times) < 15 and time.perf_counter() - started < budget):
        t = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - t)
    return statistics.median(times), len(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(1)
    for n in (int(s) for s in args.sizes.split(",")):
        expected = sum(c * math.cos(c * 0.5 + 0.1) for c in (0.9 + k * 1e-6 for k in range(n // 4)))
        if abs(chain_torch(n) - expected) > 1e-9 * max(1.0, abs(expected)):
            raise SystemExit(f"PyTorch's gradient of the {n}-op chain is wrong")
        torch_s, repeats = median_seconds(chain_torch, n)
        float_s, _ = median_seconds(chain_float, n)
        r = {"ops": n, "torch_ns_per_op": torch_s / n * 1e9, "python_float_ns_per_op": float_s / n * 1e9,
             "repeats": repeats}
        if args.json:
            print(json.dumps(r))
        else:
            print(f"n = {n:>9,}: PyTorch scalar autograd {r['torch_ns_per_op']:>8,.0f} ns/op (forward+backward), "
                  f"plain Python float {r['python_float_ns_per_op']:>6,.0f} ns/op, median of {repeats}")


if __name__ == "__main__":
    main()
