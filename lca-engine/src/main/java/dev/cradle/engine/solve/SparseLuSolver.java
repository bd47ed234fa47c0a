package dev.cradle.engine.solve;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Solves a technosphere with loops (electricity used to make the equipment that makes electricity)
 * by EJML's sparse LU decomposition with partial pivoting, in the natural column order (EJML offers no
 * fill-reducing ordering such as COLAMD; technosphere matrices are strongly diagonal, which keeps
 * fill-in modest at the sizes benchmarked, 2,000 processes). The factorisation of A is kept and
 * reused for every demand; the transposed system gets its own factorisation on first use.
 */
public final class SparseLuSolver implements Solver {
    /** Relative residual above which a solution is rejected as singular. */
    static final double RESIDUAL_TOLERANCE = 1e-8;
    /** Smallest pivot, relative to the largest, accepted as non-zero. */
    static final double PIVOT_TOLERANCE = 1e-12;

    @Override
    public Factorization factorize(DMatrixSparseCSC a) {
        return new Lu(a);
    }

    private static LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> decompose(DMatrixSparseCSC m) {
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> s = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        DMatrixSparseCSC copy = m.copy();
        if (!s.setA(copy)) {
            throw singular(m);
        }
        // a pivot that vanishes next to the largest one means the matrix is (numerically) singular
        org.ejml.interfaces.decomposition.LUSparseDecomposition<DMatrixSparseCSC> lu = s.getDecomposition();
        DMatrixSparseCSC u = lu.getUpper(null);
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < u.numCols; j++) {
            double d = Math.abs(u.get(j, j));
            largest = Math.max(largest, d);
            smallest = Math.min(smallest, d);
        }
        if (!(smallest > PIVOT_TOLERANCE * largest)) {
            throw singular(m);
        }
        return s;
    }

    static SingularSystemException singular(DMatrixSparseCSC a) {
        int n = a.numCols;
        int[] zero = java.util.stream.IntStream.range(0, n).filter(j -> a.get(j, j) == 0).toArray();
        if (zero.length > 0) {
            return new SingularSystemException("the reference output is zero", zero);
        }
        return new SingularSystemException(
                "the matrix is singular: these processes form a loop that consumes all it produces",
                new ProcessGraph(a).cyclicColumns());
    }

    private static final class Lu implements Factorization {
        private final DMatrixSparseCSC a;
        private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu;
        private volatile Transposed transposed;

        private record Transposed(DMatrixSparseCSC matrix, LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu) {
        }

        Lu(DMatrixSparseCSC a) {
            this.a = a;
            this.lu = decompose(a);
        }

        @Override
        public synchronized double[] solve(double[] f) {
            return solveWith(lu, a, f);
        }

        @Override
        public double[] solveTransposed(double[] c) {
            Transposed t = transposed;
            if (t == null) {
                synchronized (this) {
                    if (transposed == null) {
                        DMatrixSparseCSC at = CommonOps_DSCC.transpose(a, null, null);
                        transposed = new Transposed(at, decompose(at));
                    }
                    t = transposed;
                }
            }
            synchronized (t) {
                return solveWith(t.lu(), t.matrix(), c);
            }
        }

        private static double[] solveWith(LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver,
                                                       DMatrixSparseCSC m, double[] rhs) {
            int n = m.numCols;
            DMatrixRMaj b = new DMatrixRMaj(n, 1);
            System.arraycopy(rhs, 0, b.data, 0, n);
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            solver.solve(b, x);
            double[] s = x.data.clone();
            double scale = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(s[i])) {
                    throw singular(m);
                }
                scale = Math.max(scale, Math.abs(rhs[i]));
            }
            DMatrixRMaj r = new DMatrixRMaj(n, 1);
            CommonOps_DSCC.mult(m, x, r);
            double worst = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(r.data[i] - rhs[i]));
                size = Math.max(size, Math.abs(s[i]));
            }
            if (worst > RESIDUAL_TOLERANCE * Math.max(1.0, scale) * Math.max(1.0, size)) {
                throw singular(m);
            }
            return s;
        }

        @Override
        public String method() {
            return "sparse LU (system with loops)";
        }
    }
}
