"""NumPy peer of the scenario path of Cradle's Monte Carlo benchmark (issue 10): the bundled example
scenarios/examples/analysis/bloom-training-uncertain.yaml as the formulas Cradle's rules compile it to (ten
distributions, vectorised), with the same statistics for its distinct climate-change outputs: total (= phase
training = model bloom), stage manufacturing, stage use, device a100, device servers (mean, sd, 2.5/5/50/95/97.5
percentiles, running mean and standard error every 1,024 draws). The other indicators of the study are zero in
every draw (the hardware's data do not cover them); Cradle keeps them as outputs at almost no cost, NumPy skips them.

  use       = (gpu_hours * gpu_power / 1000 + idle) * pue * grid / 1000       (kg; the a100's use stage)
  a100 emb. = gpu_hours / (gpu_life * 8760 * utilisation) * gpu_embodied
  servers   = gpu_hours * 48 / 384 / (server_life * 8760 * utilisation) * server_embodied

usage: python3 numpy_scenario_peer.py DRAWS REPEATS SEED
"""
import math
import sys
import time

import numpy as np


def draws(rng, n):
    ln = lambda gm, gsd: rng.lognormal(math.log(gm), math.log(gsd), n)
    return dict(
        gpu_hours=rng.normal(1_082_990, 25_000, n),
        gpu_power=rng.uniform(300, 400, n),
        grid=ln(57, 1.3),
        pue=rng.triangular(1.0, 1.0, 1.2, n),
        gpu_embodied=ln(150, 1.5),
        server_embodied=ln(2500, 1.4),
        gpu_life=rng.triangular(4, 6, 8, n),
        server_life=rng.triangular(4, 6, 8, n),
        utilisation=rng.uniform(0.7, 0.95, n),
        idle=rng.uniform(204_912.28, 307_368.42, n),
    )


def model(p):
    use = (p["gpu_hours"] * p["gpu_power"] / 1000 + p["idle"]) * p["pue"] * p["grid"] / 1000
    a100_embodied = p["gpu_hours"] / (p["gpu_life"] * 8760 * p["utilisation"]) * p["gpu_embodied"]
    servers = p["gpu_hours"] * 48 / 384 / (p["server_life"] * 8760 * p["utilisation"]) * p["server_embodied"]
    return dict(total=use + a100_embodied + servers, manufacturing=a100_embodied + servers, use=use,
                a100=use + a100_embodied, servers=servers)


def statistics(y, chunk=1024):
    n = y.size
    q = np.percentile(y, [2.5, 5, 50, 95, 97.5])
    ends = np.minimum(np.arange(chunk, n + chunk, chunk), n)
    c1 = np.cumsum(y)[ends - 1]
    c2 = np.cumsum(y * y)[ends - 1]
    running_mean = c1 / ends
    running_se = np.sqrt(np.maximum(c2 - ends * running_mean ** 2, 0) / (ends - 1) / ends)
    return y.mean(), y.std(ddof=1), q, running_mean, running_se


def main():
    n, repeats, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    result = None
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        outputs = model(draws(np.random.default_rng(seed), n))
        result = {k: statistics(v) for k, v in outputs.items()}
        print(f"numpy seconds {time.perf_counter() - t0:.4f} cpu {time.process_time() - c0:.4f}", flush=True)
    for k, (mean, sd, q, _, _) in result.items():
        print(f"numpy scenario {k} mean {mean:.6g} sd {sd:.6g} p2.5 {q[0]:.6g} p97.5 {q[4]:.6g}")


if __name__ == "__main__":
    main()
