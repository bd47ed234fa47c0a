package dev.cradle.engine.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/** Whatever form a CSC matrix comes in, every solver reads the matrix it means. */
class InputFormTest {

    /**
     * Two entries at one position are one entry, their sum: process 0 buys 0.25 + 0.25 of product 1,
     * which buys 0.5 of product 0 back. By hand, s₀ = 1/(1 − 0.5·0.5) = 4/3 and s₁ = 0.5·4/3 = 2/3; A is
     * symmetric, so Aᵀ·y = (1, 0.5) gives y = (4/3)·(1 + 0.25, 0.5 + 0.5) = (5/3, 4/3).
     * (CSparse's LU alone would keep one of the two entries; the residual check would then refuse it.)
     */
    @Test
    void duplicateEntriesAreSummed() {
        DMatrixSparseCSC a = SingularityTest.matrix(2, new double[] {0, 0, 1}, new double[] {1, 0, -0.25},
                new double[] {1, 0, -0.25}, new double[] {1, 1, 1}, new double[] {0, 1, -0.5});
        for (Solver s : List.of(new SolverSelector(), new BlockTriangularSolver(), new SparseLuSolver())) {
            assertArrayEquals(new double[] {4.0 / 3, 2.0 / 3}, s.factorize(a).solve(new double[] {1, 0}), 1e-15);
            assertArrayEquals(new double[] {5.0 / 3, 4.0 / 3}, s.factorize(a).solveTransposed(new double[] {1, 0.5}),
                    1e-15);
        }
    }

    @Test
    void aNonSquareMatrixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SolverSelector().factorize(new DMatrixSparseCSC(2, 3)));
    }
}
