"""PINN training steps/s in PyTorch, the peer of `Leibniz.Benchmarks pinn` and PinnStepBenchmarks.

One thread, float32, the standard way: input derivatives by nested torch.autograd.grad(create_graph=True), then
loss.backward() and an Adam step. Same networks and point counts as bench/Leibniz.Benchmarks/Pinn/PinnProblem.cs:
  poisson1d  1-32-32-32-1 tanh, 128 collocation + 2 boundary points
  burgers    2-20-20-20-20-1 tanh, 2,540 collocation + 80 initial + 80 boundary points (Raissi et al. 2019)
  poisson2d  2-32-32-32-1 tanh, 1,024 collocation + 256 boundary points
Rates: by wall clock, from the median step, and per second of this thread's CPU time (robust to a shared machine:
time spent waiting for a core is not counted).
Run: /usr/bin/python3 bench/pytorch/pinn_steps.py [--seconds 5]
"""
import math
import sys
import time

import one_thread  # noqa: F401  (pins every thread pool to one thread before torch loads)
import torch


def mlp(widths):
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i + 2 < len(widths):
            layers.append(torch.nn.Tanh())
    return torch.nn.Sequential(*layers)


def grad(y, x):
    return torch.autograd.grad(y, x, torch.ones_like(y), create_graph=True)[0]


def poisson1d():
    model = mlp([1, 32, 32, 32, 1])
    x = (torch.rand(128, 1) * 2 - 1).requires_grad_(True)
    xb = torch.tensor([[-1.0], [1.0]])

    def loss():
        u = model(x)
        ux = grad(u, x)
        uxx = grad(ux, x)
        r = uxx + math.pi ** 2 * torch.sin(math.pi * x)
        return (r ** 2).mean() + (model(xb) ** 2).mean()

    return model, loss


def burgers():
    model = mlp([2, 20, 20, 20, 20, 1])
    xt = torch.rand(2540, 2)
    xt[:, 0] = xt[:, 0] * 2 - 1
    xt.requires_grad_(True)
    x0 = torch.rand(80, 1) * 2 - 1
    xt0 = torch.cat([x0, torch.zeros(80, 1)], 1)
    u0 = -torch.sin(math.pi * x0)
    xtb = torch.cat([torch.tensor([[-1.0], [1.0]]).repeat(40, 1), torch.rand(80, 1)], 1)

    def loss():
        u = model(xt)
        g = grad(u, xt)
        ux, ut = g[:, 0:1], g[:, 1:2]
        uxx = grad(ux, xt)[:, 0:1]
        r = ut + u * ux - (0.01 / math.pi) * uxx
        return (r ** 2).mean() + ((model(xt0) - u0) ** 2).mean() + (model(xtb) ** 2).mean()

    return model, loss


def poisson2d():
    model = mlp([2, 32, 32, 32, 1])
    xy = torch.rand(1024, 2).requires_grad_(True)
    s = torch.rand(256, 1)
    side = torch.arange(256).reshape(256, 1) % 4
    xb = torch.where(side == 0, s, torch.where(side == 1, s, torch.where(side == 2, torch.zeros_like(s), torch.ones_like(s))))
    yb = torch.where(side == 0, torch.zeros_like(s), torch.where(side == 1, torch.ones_like(s), s))
    xyb = torch.cat([xb, yb], 1)

    def loss():
        u = model(xy)
        g = grad(u, xy)
        uxx = grad(g[:, 0:1], xy)[:, 0:1]
        uyy = grad(g[:, 1:2], xy)[:, 1:2]
        x, y = xy[:, 0:1], xy[:, 1:2]
        r = uxx + uyy + 2 * math.pi ** 2 * torch.sin(math.pi * x) * torch.sin(math.pi * y)
        return (r ** 2).mean() + (model(xyb) ** 2).mean()

    return model, loss


def main():
    seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 5.0
    torch.manual_seed(0)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    for name, build in (("poisson1d", poisson1d), ("burgers", burgers), ("poisson2d", poisson2d)):
        model, loss = build()
        adam = torch.optim.Adam(model.parameters(), lr=1e-3)

        def step():
            adam.zero_grad()
            value = loss()
            value.backward()
            adam.step()
            return value.item()

        # Warm-up: 20 steps and at least one second (Leibniz's side needs it for tiered JIT; the same here for symmetry).
        warm = time.perf_counter()
        for i in range(1_000_000):
            step()
            if i >= 19 and time.perf_counter() - warm >= 1.0:
                break
        times, start, cpu = [], time.perf_counter(), time.thread_time()
        while time.perf_counter() - start < seconds:
            t0 = time.perf_counter()
            step()
            times.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - start
        cpu = time.thread_time() - cpu
        times.sort()
        steps = len(times)
        print(f"{name:<10} {steps / elapsed:9.1f} steps/s  median {1 / times[steps // 2]:9.1f} steps/s  "
              f"cpu {steps / cpu:9.1f} steps/s  ({steps} steps)")


if __name__ == "__main__":
    main()
