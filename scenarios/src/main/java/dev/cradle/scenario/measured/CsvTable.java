package dev.cradle.scenario.measured;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as written by tools and re-saved by people: the first non-blank line names the columns,
 * blank lines are skipped, cells are trimmed (padded cells), and a leading unnamed column — the index
 * pandas writes with {@code to_csv()} when {@code index=False} is forgotten, headed {@code ""} or
 * {@code "Unnamed: 0"} — is dropped. A column named twice is refused at its line and column. Rows are
 * kept with their line number and the 1-based character column of every cell, so a reader can point
 * at a cell; rows whose cell count differs from the header's are kept too and marked
 * {@link Row#complete() incomplete} for the reader to refuse or skip.
 */
public final class CsvTable {
    private static final Pattern PANDAS_INDEX = Pattern.compile("Unnamed: 0");
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final int headerLine;
    private final List<Row> rows;
    private final boolean droppedIndexColumn;

    /** One data row: its line, its cells (index column removed) and each cell's 1-based column. */
    public record Row(int line, List<String> cells, int[] columns, boolean complete) {
        public Row {
            cells = List.copyOf(cells);
            columns = columns.clone();
        }

        /** The column of cell {@code i}, or the line's last known column when the row is short. */
        public int column(int i) {
            return i < columns.length ? columns[i] : columns.length == 0 ? 1 : columns[columns.length - 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.line == line && r.cells.equals(cells) && Arrays.equals(r.columns, columns)
                    && r.complete == complete;
        }

        @Override
        public int hashCode() {
            return 31 * line + cells.hashCode();
        }

        @Override
        public String toString() {
            return "Row[line " + line + ", " + cells.size() + " cells]";
        }
    }

    private CsvTable(List<String> columns, int headerLine, List<Row> rows, boolean droppedIndexColumn) {
        this.columns = List.copyOf(columns);
        this.headerLine = headerLine;
        this.rows = List.copyOf(rows);
        this.droppedIndexColumn = droppedIndexColumn;
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.putIfAbsent(columns.get(i), i);
        }
        this.index = Map.copyOf(m);
    }

    /** Parses normalised text (lines ended by {@code \n}, see {@link DecodedText}). */
    public static CsvTable parse(String text) throws MeasurementFileException {
        int[] lineStarts = lineStarts(text);
        List<String> header = null;
        int headerLine = 0;
        boolean dropIndex = false;
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser csv = format.parse(new StringReader(text))) {
            for (CSVRecord rec : csv) {
                int line = lineOf(lineStarts, rec.getCharacterPosition());
                List<String> cells = new ArrayList<>(rec.toList());
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue; // a line of bare commas or spaces: blank
                }
                int[] cols = cellColumns(text, lineStarts[line - 1], cells.size());
                if (header == null) {
                    headerLine = line;
                    cells.replaceAll(c -> c.replace("\uFEFF", "").trim());
                    dropIndex = cells.size() > 1 && (cells.get(0).isEmpty() || PANDAS_INDEX.matcher(cells.get(0)).matches());
                    if (dropIndex) {
                        cells.remove(0);
                        cols = Arrays.copyOfRange(cols, 1, cols.length);
                    }
                    Map<String, Integer> seen = new HashMap<>();
                    for (int i = 0; i < cells.size(); i++) {
                        String name = cells.get(i);
                        if (!name.isEmpty() && seen.putIfAbsent(name, i) != null) {
                            throw new MeasurementFileException(line, cols[i], "this column's name is also the name of "
                                    + "the column at column " + cols[seen.get(name)] + ": a file a tool wrote names each "
                                    + "column once; remove or rename one of them");
                        }
                    }
                    header = cells;
                    continue;
                }
                if (dropIndex && !cells.isEmpty()) {
                    cells.remove(0);
                    cols = Arrays.copyOfRange(cols, 1, cols.length);
                }
                rows.add(new Row(line, cells, cols, cells.size() == header.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        } catch (UncheckedIOException | IllegalStateException e) {
            int line = lineOfMessage(e.getMessage());
            throw new MeasurementFileException(line, 0, "a quoted cell is never closed: this is not a CSV file as a "
                    + "measurement tool writes it");
        }
        if (header == null) {
            throw new MeasurementFileException(0, 0, "the file is empty: it has no header line naming its columns");
        }
        return new CsvTable(header, headerLine, rows, dropIndex);
    }

    public List<String> columns() {
        return columns;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    public Optional<Integer> indexOf(String column) {
        return Optional.ofNullable(index.get(column));
    }

    public int headerLine() {
        return headerLine;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Whether a pandas index column (unnamed, first) was dropped. */
    public boolean droppedIndexColumn() {
        return droppedIndexColumn;
    }

    /** The trimmed cell of {@code column} in {@code row}, or "" when the column is absent or the row short. */
    public String cell(Row row, String column) {
        Integer i = index.get(column);
        return i == null || i >= row.cells().size() ? "" : row.cells().get(i);
    }

    /** The 1-based column of {@code column}'s cell in {@code row}. */
    public int column(Row row, String column) {
        Integer i = index.get(column);
        return i == null ? 0 : row.column(i);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] starts, long position) {
        int i = Arrays.binarySearch(starts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** Columns of the first {@code n} cells of the record starting at {@code start}: commas outside quotes. */
    private static int[] cellColumns(String text, int start, int n) {
        int[] cols = new int[n];
        if (n == 0) {
            return cols;
        }
        cols[0] = 1;
        boolean quoted = false;
        int k = 1;
        for (int i = start; i < text.length() && k < n; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cols[k++] = i - start + 2;
            } else if (c == '\n' && !quoted) {
                break;
            }
        }
        for (; k < n; k++) {
            cols[k] = cols[k - 1];
        }
        return cols;
    }

    private static int lineOfMessage(String message) {
        var m = Pattern.compile("line (\\d+)").matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
