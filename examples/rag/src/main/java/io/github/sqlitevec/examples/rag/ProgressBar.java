package io.github.sqlitevec.examples.rag;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows how far a long job is, how fast it goes and when it will end. On a terminal it redraws
 * one line in place; when output goes to a file or a CI log, where carriage returns turn into
 * hundreds of lines, it prints a plain line at every tenth instead.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private final String label;
    private final long total;
    private final long startNanos;
    private long done;
    private int lastTenthPrinted = -1;

    ProgressBar(PrintStream out, boolean interactive, String label, long total) {
        this.out = out;
        this.interactive = interactive;
        this.label = label;
        this.total = total;
        this.startNanos = System.nanoTime();
    }

    /** A bar on standard error, redrawn in place only when a person is watching. */
    static ProgressBar onStderr(String label, long total) {
        return new ProgressBar(System.err, System.console() != null, label, total);
    }

    void advance(long steps) {
        done = Math.min(total, done + steps);
        if (interactive) {
            out.print("\r" + line());
            out.flush();
        } else {
            int tenth = total == 0 ? 10 : (int) (done * 10 / total);
            if (tenth > lastTenthPrinted) {
                lastTenthPrinted = tenth;
                out.println(line());
            }
        }
    }

    void finish() {
        if (interactive && total > 0) {
            out.println();
        }
    }

    String line() {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = done / seconds;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String eta = rate > 0 && done < total ? format(Duration.ofSeconds(Math.round((total - done) / rate))) : "--";
        return String.format("%s [%s%s] %d/%d  %.1f/s  ETA %s",
                label, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, rate, eta);
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }
}
