"""NumPy peer of Cradle's Monte Carlo benchmark (issue 10): the BLOOM training model of
dev.cradle.bench.analysis.BloomModels, the same ten distributions and formulas, vectorised, with the same
statistics (mean, sd, 2.5/5/50/95/97.5 percentiles, running mean and standard error every 1,024 draws).

usage: python3 numpy_peer.py DRAWS REPEATS SEED
prints one line per repeat, "numpy seconds S cpu C" (wall clock; process CPU time), then "numpy total_kg mean M sd S p2.5 A p97.5 B".
"""
import math
import sys
import time

import numpy as np


def draws(rng, n):
    ln = lambda gm, gsd: rng.lognormal(math.log(gm), math.log(gsd), n)
    return dict(
        gpu_hours=rng.normal(1_082_990, 25_000, n),
        gpu_power_w=rng.uniform(300, 400, n),
        overhead_share=rng.uniform(0.3, 0.6, n),
        idle_share=rng.uniform(0.05, 0.15, n),
        pue=rng.triangular(1.1, 1.2, 1.4, n),
        grid_g_per_kwh=ln(57, 1.3),
        embodied_kg_per_gpu=ln(150, 1.5),
        embodied_kg_per_node=ln(2500, 1.4),
        lifetime_years=rng.triangular(4, 6, 8, n),
        utilisation=rng.uniform(0.7, 0.95, n),
    )


def model(p):
    energy_kwh = p["gpu_hours"] * p["gpu_power_w"] / 1000 * (1 + p["overhead_share"]) * (1 + p["idle_share"]) * p["pue"]
    embodied_kg = p["gpu_hours"] / (p["lifetime_years"] * 8760 * p["utilisation"]) * (
        p["embodied_kg_per_gpu"] + p["embodied_kg_per_node"] / 8)
    operational_kg = energy_kwh * p["grid_g_per_kwh"] / 1000
    return dict(energy_kwh=energy_kwh, operational_kg=operational_kg, embodied_kg=embodied_kg,
                total_kg=operational_kg + embodied_kg)


def statistics(y, chunk=1024):
    n = y.size
    mean = y.mean()
    sd = y.std(ddof=1)
    q = np.percentile(y, [2.5, 5, 50, 95, 97.5])
    ends = np.minimum(np.arange(chunk, n + chunk, chunk), n)
    c1 = np.cumsum(y)[ends - 1]
    c2 = np.cumsum(y * y)[ends - 1]
    running_mean = c1 / ends
    running_se = np.sqrt(np.maximum(c2 - ends * running_mean ** 2, 0) / (ends - 1) / ends)
    return mean, sd, q, running_mean, running_se


def main():
    n, repeats, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    result = None
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        rng = np.random.default_rng(seed)
        outputs = model(draws(rng, n))
        result = {k: statistics(v) for k, v in outputs.items()}
        print(f"numpy seconds {time.perf_counter() - t0:.4f} cpu {time.process_time() - c0:.4f}", flush=True)
    mean, sd, q, _, _ = result["total_kg"]
    print(f"numpy total_kg mean {mean:.6g} sd {sd:.6g} p2.5 {q[0]:.6g} p97.5 {q[4]:.6g}")


if __name__ == "__main__":
    main()
