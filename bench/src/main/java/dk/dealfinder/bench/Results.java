package dk.dealfinder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results table: every figure next to the baseline measured in the same run. */
final class Results {

    /** One row; baseline and ratio may be absent (NaN) when a figure has no same-run baseline. */
    record Row(
            String benchmark,
            String figure,
            double value,
            String unit,
            double baseline,
            String note) {

        double ratio() {
            return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(
            String benchmark,
            String figure,
            double value,
            String unit,
            double baseline,
            String note) {
        Row row = new Row(benchmark, figure, value, unit, baseline, note);
        rows.add(row);
        System.out.println(format(row));
    }

    void add(String benchmark, String figure, double value, String unit, String note) {
        add(benchmark, figure, value, unit, Double.NaN, note);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | figure | value | baseline (same run) | ratio | note |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(format(r)).append('\n');
        }
        return sb.toString();
    }

    void write(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "\n\n" + markdown());
    }

    private static String format(Row r) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s %s | %s | %s | %s |",
                r.benchmark(),
                r.figure(),
                number(r.value()),
                r.unit(),
                Double.isNaN(r.baseline()) ? "" : number(r.baseline()) + " " + r.unit(),
                Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                r.note());
    }

    private static String number(double v) {
        return Math.abs(v) >= 100
                ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
