"""Shows which BLAS torch runs on (build config and the shared objects actually loaded) and times one
1024x1024 float32 matmul on one thread, so a wrong or reference BLAS is obvious (OpenBLAS: tens of GFLOP/s)."""
import statistics
import time

import one_thread  # noqa: F401  (before torch: one thread everywhere)
import torch

torch.set_num_threads(1)
print(torch.__version__)
print(torch.__config__.show())
a, b = torch.rand(1024, 1024), torch.rand(1024, 1024)
a @ b
times = []
for _ in range(7):
    t = time.perf_counter()
    a @ b
    times.append(time.perf_counter() - t)
s = statistics.median(times)
with open("/proc/self/maps") as maps:
    libs = sorted({line.split()[-1] for line in maps if "blas" in line or "lapack" in line or "mkl" in line})
print("BLAS libraries mapped:", *libs, sep="\n  ")
print(f"1024x1024 float32 matmul, 1 thread: {s * 1e3:.1f} ms = {2 * 1024 ** 3 / s / 1e9:.1f} GFLOP/s")
