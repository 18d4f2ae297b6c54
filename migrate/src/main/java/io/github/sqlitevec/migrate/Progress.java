package io.github.sqlitevec.migrate;

import java.io.PrintStream;
import java.lang.reflect.Method;

/**
 * One progress bar per table on a terminal ({@code docs  [########------------]  42%  4200/10000 rows}),
 * redrawn in place; one line per finished table when the output is a file or a pipe.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private String table;
    private long total;
    private long done;
    private int lastPercent = -1;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether standard output is an interactive terminal (a console that is a terminal on JDK 22+). */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console even for redirected output; isTerminal() tells. Absent before 22,
            // where a non-null console already means a terminal.
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void start(String table, long total) {
        this.table = table;
        this.total = total;
        this.done = 0;
        this.lastPercent = -1;
        draw();
    }

    void advance(long rows) {
        done += rows;
        draw();
    }

    void finish(String note) {
        if (terminal) {
            lastPercent = -1;
            done = total;
            draw();
            out.println(note.isEmpty() ? "" : "  " + note);
        } else {
            out.println("copied " + table + ": " + done + " rows" + (note.isEmpty() ? "" : ", " + note));
        }
        out.flush();
    }

    private void draw() {
        if (!terminal) {
            return;
        }
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : '-');
        }
        out.print(String.format("\r%-24s [%s] %3d%%  %d/%d rows", table, bar, percent, done, total));
        out.flush();
    }
}
