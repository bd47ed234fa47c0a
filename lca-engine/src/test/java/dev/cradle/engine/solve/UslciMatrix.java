package dev.cradle.engine.solve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * The bundled USLCI technosphere (src/test/resources/uslci, see its README: source, licence,
 * derivation) and its process names; MatrixMarket coordinate format, read here.
 */
public final class UslciMatrix {
    private UslciMatrix() {
    }

    /** USLCI's technosphere matrix A, 766 × 766. */
    public static DMatrixSparseCSC technosphere() {
        return read("/uslci/uslci-technosphere.mtx.gz");
    }

    /** Process names by column (0-based). */
    public static List<String> processNames() {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                UslciMatrix.class.getResourceAsStream("/uslci/uslci-processes.tsv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                names.add(line.split("\t")[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Reads a gzipped MatrixMarket {@code coordinate real general} resource into CSC. */
    public static DMatrixSparseCSC read(String resource) {
        try (InputStream raw = UslciMatrix.class.getResourceAsStream(resource);
             BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                     StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (!header.startsWith("%%MatrixMarket matrix coordinate real general")) {
                throw new IllegalStateException("not a real general coordinate MatrixMarket file: " + header);
            }
            String line = in.readLine();
            while (line.startsWith("%")) {
                line = in.readLine();
            }
            String[] size = line.trim().split("\\s+");
            int rows = Integer.parseInt(size[0]);
            int cols = Integer.parseInt(size[1]);
            int nz = Integer.parseInt(size[2]);
            DMatrixSparseTriplet t = new DMatrixSparseTriplet(rows, cols, nz);
            for (int k = 0; k < nz; k++) {
                String[] e = in.readLine().trim().split("\\s+");
                t.addItem(Integer.parseInt(e[0]) - 1, Integer.parseInt(e[1]) - 1, Double.parseDouble(e[2]));
            }
            return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
