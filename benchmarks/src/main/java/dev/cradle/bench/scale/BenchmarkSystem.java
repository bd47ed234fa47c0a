package dev.cradle.bench.scale;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ejml.data.DMatrixSparseCSC;

/**
 * One benchmark matrix set: technosphere A (n×n), interventions B (m×n) and characterisation C (k×m,
 * dense), with the name and seed that regenerate it. {@link #export} writes them as MatrixMarket
 * coordinate files ({@code NAME-A.mtx}, {@code NAME-B.mtx}, {@code NAME-C.mtx}) so that other tools solve
 * exactly the same matrices.
 */
public record BenchmarkSystem(String name, DMatrixSparseCSC a, DMatrixSparseCSC b, double[][] c) {

    public int processes() {
        return a.numCols;
    }

    /** Writes the three files into {@code dir}; returns the path of A. */
    public Path export(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve(name + "-A.mtx"), a);
        write(dir.resolve(name + "-B.mtx"), b);
        DMatrixSparseCSC dense = new DMatrixSparseCSC(c.length, c.length == 0 ? 0 : c[0].length, 0);
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                if (c[i][j] != 0) {
                    dense.set(i, j, c[i][j]);
                }
            }
        }
        write(dir.resolve(name + "-C.mtx"), dense);
        return dir.resolve(name + "-A.mtx");
    }

    private static void write(Path file, DMatrixSparseCSC m) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("%%MatrixMarket matrix coordinate real general\n");
            w.write("% written by Cradle's benchmark families (benchmarks/README.md)\n");
            w.write(m.numRows + " " + m.numCols + " " + m.col_idx[m.numCols] + "\n");
            StringBuilder sb = new StringBuilder(64);
            for (int j = 0; j < m.numCols; j++) {
                for (int p = m.col_idx[j]; p < m.col_idx[j + 1]; p++) {
                    sb.setLength(0);
                    sb.append(m.nz_rows[p] + 1).append(' ').append(j + 1).append(' ')
                            .append(String.format(Locale.ROOT, "%.17g", m.nz_values[p])).append('\n');
                    w.write(sb.toString());
                }
            }
        }
    }
}
