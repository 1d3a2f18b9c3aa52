"""The training data both sides use, generated bit-for-bit the same way as bench/Leibniz.Benchmarks/MlpData.cs.

SplitMix64 is counter based: draw i of a stream with seed s is mix(s + (i + 1) * GAMMA), so the whole stream is
one vectorised numpy expression. A draw becomes a double in [0, 1) from its top 53 bits.
"""
import numpy as np

GAMMA = np.uint64(0x9E3779B97F4A7C15)
SMALL_ROWS, SMALL_SEED = 4096, 42
LARGE_ROWS, LARGE_FEATURES, LARGE_SEED, LARGE_WEIGHT_SEED = 16384, 64, 43, 44


def uniform(seed: int, count: int) -> np.ndarray:
    """count draws in [0, 1) from the SplitMix64 stream with this seed."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (np.arange(1, count + 1, dtype=np.uint64) * GAMMA)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0)


def small():
    """4096 points of [-3, 3]^2 (x then y per row) and the target sin(x)*cos(y), as float32."""
    u = uniform(SMALL_SEED, 2 * SMALL_ROWS).reshape(SMALL_ROWS, 2)
    x = -3.0 + 6.0 * u
    y = np.sin(x[:, 0]) * np.cos(x[:, 1])
    return x.astype(np.float32), y.reshape(-1, 1).astype(np.float32)


def large():
    """16384 rows of 64 features in [-1, 1) and the target sin(0.25 * w.x) + 0.1 * x0 * x1, as float32."""
    x = (2.0 * uniform(LARGE_SEED, LARGE_ROWS * LARGE_FEATURES) - 1.0).reshape(LARGE_ROWS, LARGE_FEATURES)
    w = 2.0 * uniform(LARGE_WEIGHT_SEED, LARGE_FEATURES) - 1.0
    y = np.sin(0.25 * (x @ w)) + 0.1 * x[:, 0] * x[:, 1]
    return x.astype(np.float32), y.reshape(-1, 1).astype(np.float32)
