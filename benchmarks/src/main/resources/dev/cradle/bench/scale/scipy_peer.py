#!/usr/bin/env python3
"""SciPy peer for Cradle's scale benchmark: what Brightway does under the hood (SciPy sparse LU).

Adapted from the team's peer script (shared/bench/scipy_peer.py, written for Cradle issue 12); the
spsolve, splu and K-solve timings are unchanged; this copy adds the every-process intensities
(splu of A transposed plus one solve per indicator row of C.B) when B and C are given, and the
process CPU time of the spsolve and every-process tasks (time.process_time, minimum over the repeats;
on a loaded machine it is what an idle one would show, within cache effects).

Usage: python3 scipy_peer.py A.mtx [B.mtx C.mtx] [--demands K] [--repeat R]
Prints one JSON line; every time is the minimum over R repeats.
"""
import argparse, json, time
import numpy as np
import scipy
import scipy.io
import scipy.sparse.linalg as sla


CPU = {}  # process CPU time (time.process_time) of each timed task, minimum over the repeats


def best(fn, repeat, name=None):
    times = []
    cpu = []
    for _ in range(repeat):
        c = time.process_time()
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    if name:
        CPU[name] = min(cpu)
    return min(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("matrix"); p.add_argument("b", nargs="?"); p.add_argument("c", nargs="?")
    p.add_argument("--demands", type=int, default=100)
    p.add_argument("--repeat", type=int, default=3)
    a = p.parse_args()
    A = scipy.io.mmread(a.matrix).tocsc()
    n = A.shape[0]
    e0 = np.zeros(n); e0[0] = 1.0
    rng = np.random.default_rng(0)
    cols = rng.integers(0, n, size=a.demands)
    spsolve_s = best(lambda: sla.spsolve(A, e0), a.repeat, "spsolve_cpu_s")
    factor_s = best(lambda: sla.splu(A), a.repeat)
    lu = sla.splu(A)

    def k_solves():
        for c in cols:
            f = np.zeros(n); f[c] = 1.0; lu.solve(f)
    solve_k_s = best(k_solves, a.repeat)
    x = lu.solve(e0)
    out = {"peer": "scipy " + scipy.__version__ + " SuperLU", "n": n, "nnz": int(A.nnz),
           "spsolve_s": spsolve_s, "factor_s": factor_s, "demands": a.demands,
           "solve_k_s": solve_k_s, "residual": float(np.abs(A @ x - e0).max())}
    if a.b and a.c:
        B = scipy.io.mmread(a.b).tocsc()
        C = scipy.io.mmread(a.c).toarray()
        CB = np.asarray((B.T @ C.T).T)  # k x n: each indicator per one run of each process

        def adjoint():
            luT = sla.splu(A.T.tocsc())
            return [luT.solve(CB[k]) for k in range(CB.shape[0])]
        out["adjoint_s"] = best(adjoint, a.repeat, "adjoint_cpu_s")
        out["indicators"] = int(CB.shape[0])
    out.update(CPU)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
