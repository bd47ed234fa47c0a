package dev.cradle.scenario.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Child process of {@link ResultSetKillTest}: writes result sets A, B, A, … into a folder until it is
 * killed. Each file of set X holds X's tag on every line and ends with "end X", so a reader can tell a
 * whole file of one set from a mix or a torn file. Prints "ready" after the first set is in place.
 */
public final class ResultSetWriterLoop {
    private ResultSetWriterLoop() {
    }

    static Map<String, String> set(String tag, int lines) {
        StringBuilder json = new StringBuilder();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            json.append(tag).append(" json ").append(i).append('\n');
            csv.append(tag).append(",csv,").append(i).append('\n');
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("results.json", json.append("end ").append(tag).append('\n').toString());
        files.put("results.csv", csv.append("end ").append(tag).append('\n').toString());
        return files;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int lines = Integer.parseInt(args[1]);
        boolean first = true;
        for (long i = 0; ; i++) {
            ResultSetWriter.write(dir, set(i % 2 == 0 ? "A" : "B", lines));
            if (first) {
                System.out.println("ready");
                System.out.flush();
                first = false;
            }
        }
    }
}
