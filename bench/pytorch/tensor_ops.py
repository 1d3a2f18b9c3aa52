"""PyTorch tensor kernels on one thread, for comparison with bench/Leibniz.Benchmarks/TensorBenchmarks.cs.

Matrix multiply (float32, square, a @ b as a user writes it) at 64, 256 and 1024, in GFLOP/s (2n^3 flops), and
element-wise ops on float32 vectors. Each figure is the median of repeated timed batches.

Usage: /usr/bin/python3 bench/pytorch/tensor_ops.py [--json]
"""
import argparse
import json
import statistics
import time

import one_thread  # noqa: F401  (before torch: one thread everywhere)
import torch


def median_call_seconds(fn, min_batch_seconds=0.05, batches=9):
    fn()
    calls = 1
    while True:  # grow the batch until one batch takes long enough to time well
        t = time.perf_counter()
        for _ in range(calls):
            fn()
        if time.perf_counter() - t >= min_batch_seconds:
            break
        calls *= 2
    per_call = []
    for _ in range(batches):
        t = time.perf_counter()
        for _ in range(calls):
            fn()
        per_call.append((time.perf_counter() - t) / calls)
    return statistics.median(per_call)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    results = []
    for n in (64, 256, 1024):
        a, b = torch.rand(n, n), torch.rand(n, n)
        s = median_call_seconds(lambda: a @ b)
        results.append({"op": "matmul", "n": n, "us": s * 1e6, "gflops": 2 * n ** 3 / s / 1e9})
    for n in (4096, 1 << 20):
        x, y = torch.rand(n) - 0.5, torch.rand(n) + 0.5
        ops = {"add": lambda: x + y, "mul": lambda: x * y, "relu": lambda: torch.relu(x),
               "exp": lambda: torch.exp(x), "tanh": lambda: torch.tanh(x)}
        for name, fn in ops.items():
            s = median_call_seconds(fn)
            results.append({"op": name, "n": n, "us": s * 1e6, "gelem_per_s": n / s / 1e9})
    for r in results:
        if args.json:
            print(json.dumps(r))
        elif r["op"] == "matmul":
            print(f"matmul {r['n']:>5}: {r['us']:>10,.1f} us  {r['gflops']:6.1f} GFLOP/s")
        else:
            print(f"{r['op']:>6} {r['n']:>8,}: {r['us']:>10,.2f} us  {r['gelem_per_s']:6.2f} Gelem/s")


if __name__ == "__main__":
    main()
