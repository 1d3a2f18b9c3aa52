"""PyTorch reference for the Leibniz training benchmark: same networks, data, optimizer, batch size and epochs.

Networks: 2-64-64-1 (ReLU) at batch 32 on sin(x)*cos(y); 64-256-256-1 (ReLU) at batch 1024 on a fixed synthetic
regression (mlp_data.py). Adam with PyTorch's defaults (lr 1e-3), MSE (mean), batches taken in order (no
shuffling, so both sides see the same batches), one thread. Each epoch is timed on its own; steps/s is the median
over the epochs after the first (the first one is warm-up). The final loss is the MSE over the whole training set.

Before the measured run each side trains a throwaway model for --warmup-seconds (default 1), so both are measured
in the steady state of a longer run (on the Leibniz side the JIT optimises only after ~100 ms of calls).

Usage: /usr/bin/python3 bench/pytorch/train_mlp.py [--net small|large|both] [--epochs N] [--seed S]
       [--warmup-seconds W] [--json]
"""
import argparse
import json
import statistics
import time

import one_thread  # noqa: F401  (before torch: one thread everywhere)
import torch

import mlp_data

NETS = {
    # name: (layer sizes, batch size, default epochs, data)
    "small": ((2, 64, 64, 1), 32, 20, mlp_data.small),
    "large": ((64, 256, 256, 1), 1024, 20, mlp_data.large),
}


def build(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def warm_up(name, seconds):
    """Trains a throwaway model first, as the Leibniz side does (there it lets the JIT optimise; here it warms
    caches and PyTorch's allocator), so both sides are measured in the steady state of a longer run."""
    sizes, batch, _, data = NETS[name]
    x_np, y_np = data()
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
    torch.manual_seed(12345)
    model = build(sizes)
    optimizer = torch.optim.Adam(model.parameters())
    loss_fn = torch.nn.MSELoss()
    steps = x.shape[0] // batch
    started, b = time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        xb, yb = x[b * batch:(b + 1) * batch], y[b * batch:(b + 1) * batch]
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()
        b = (b + 1) % steps


def train(name, epochs, seed=0):
    sizes, batch, _, data = NETS[name]
    x_np, y_np = data()
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
    torch.manual_seed(seed)
    model = build(sizes)
    optimizer = torch.optim.Adam(model.parameters())
    loss_fn = torch.nn.MSELoss()
    steps = x.shape[0] // batch
    # Cut once, as the Leibniz side does: consecutive batches, no shuffling.
    batches = [(x[b * batch:(b + 1) * batch], y[b * batch:(b + 1) * batch]) for b in range(steps)]
    epoch_seconds = []
    for _ in range(epochs):
        start = time.perf_counter()
        for xb, yb in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        epoch_seconds.append(time.perf_counter() - start)
    with torch.no_grad():
        final_loss = loss_fn(model(x), y).item()
    timed = epoch_seconds[1:] if len(epoch_seconds) > 1 else epoch_seconds
    rates = sorted(steps / s for s in timed)
    return {
        "net": name,
        "layers": "-".join(map(str, sizes)),
        "batch": batch,
        "epochs": epochs,
        "steps_per_epoch": steps,
        "steps_per_second_median": statistics.median(rates),
        "steps_per_second_min": rates[0],
        "steps_per_second_max": rates[-1],
        "final_loss": final_loss,
        "data_checksum": float(x_np.astype("float64").sum() + y_np.astype("float64").sum()),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--net", choices=["small", "large", "both"], default="both")
    parser.add_argument("--epochs", type=int, default=0, help="0 = the network's default")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--warmup-seconds", type=float, default=1.0, help="train a throwaway model this long first")
    parser.add_argument("--json", action="store_true", help="print one JSON object per network")
    args = parser.parse_args()
    torch.set_num_threads(1)
    names = ["small", "large"] if args.net == "both" else [args.net]
    for name in names:
        warm_up(name, args.warmup_seconds)
        r = train(name, args.epochs or NETS[name][2], args.seed)
        r["warmup_seconds"] = args.warmup_seconds
        if args.json:
            print(json.dumps(r))
        else:
            print(f"PyTorch {torch.__version__} {r['layers']} batch {r['batch']}: "
                  f"{r['steps_per_second_median']:,.0f} steps/s median "
                  f"(min {r['steps_per_second_min']:,.0f}, max {r['steps_per_second_max']:,.0f}, "
                  f"{r['epochs'] - 1} timed epochs of {r['steps_per_epoch']} steps), final loss {r['final_loss']:.6f}")


if __name__ == "__main__":
    main()
