package io.github.sqlitevec.conformance.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A GitHub-flavoured markdown table, printed as the benchmarks go and pasted into docs/benchmarks.md. */
final class MarkdownTable {
    private final String title;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    MarkdownTable(String title, String... header) {
        this.title = title;
        this.header = header;
    }

    void add(Object... cells) {
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = String.valueOf(cells[i]);
        }
        rows.add(row);
    }

    static String ms(double nanos) {
        return nanos >= 10e6 ? f("%.1f", nanos / 1e6) : f("%.2f", nanos / 1e6);
    }

    static String ratio(double r) {
        return f("%.2f×", r);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("\n#### ").append(title).append("\n\n");
        b.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.length; i++) {
            b.append(i == 0 ? "---|" : "---:|");
        }
        b.append('\n');
        for (String[] row : rows) {
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return b.toString();
    }
}
