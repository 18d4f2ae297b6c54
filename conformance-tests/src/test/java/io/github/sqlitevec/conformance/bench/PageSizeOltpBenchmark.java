package io.github.sqlitevec.conformance.bench;

import static io.github.sqlitevec.conformance.bench.MarkdownTable.f;
import static io.github.sqlitevec.conformance.bench.MarkdownTable.ratio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a larger page size costs ordinary tables: the price side of the page-size choice for vec0
 * inserts ({@link BulkInsertBenchmark}). A 200k-row table with an index, in files with 4, 16 and
 * 64 KiB pages, in rollback-journal and WAL mode, at sqlite-jdbc's defaults otherwise
 * ({@code synchronous=FULL}); per operation: point lookup by primary key, lookup through the
 * index, a one-row UPDATE in its own transaction, a one-row INSERT in its own transaction, and
 * an aggregate over the whole table. Variants alternate within each round.
 *
 * <pre>./mvnw -B -q -pl conformance-tests -am -Pbench verify -DskipTests \
 *     -Dbench.main=io.github.sqlitevec.conformance.bench.PageSizeOltpBenchmark [-Dbench.rounds=5]</pre>
 */
public final class PageSizeOltpBenchmark {
    private static final int ROWS = 200_000;
    private static final int[] PAGE_SIZES = {4096, 16384, 65536};
    private static final String[] OPERATIONS = {
        "point lookup by primary key", "lookup through an index", "one-row UPDATE, own transaction",
        "one-row INSERT, own transaction", "aggregate over 200k rows"};
    private static final int[] REPEATS = {20_000, 20_000, 300, 300, 3};

    private PageSizeOltpBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + AllBenchmarks.loadAverage());
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path dir = BenchWorkspace.scratch("oltp");
        try {
            for (String journal : new String[] {"delete", "wal"}) {
                // [page size][operation][round]: microseconds per operation
                double[][][] samples = new double[PAGE_SIZES.length][OPERATIONS.length][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < PAGE_SIZES.length; i++) {
                        int v = (r + i) % PAGE_SIZES.length;
                        double[] perOp = measure(dir, PAGE_SIZES[v], journal, r);
                        for (int op = 0; op < OPERATIONS.length; op++) {
                            samples[v][op][r] = perOp[op];
                        }
                    }
                }
                MarkdownTable table = new MarkdownTable(f("ordinary table, journal_mode=%s, median µs per operation", journal),
                        "operation", "4 KiB pages", "16 KiB", "64 KiB", "16 KiB ÷ 4 KiB", "64 KiB ÷ 4 KiB");
                for (int op = 0; op < OPERATIONS.length; op++) {
                    double p4 = SideBySide.median(samples[0][op]);
                    double p16 = SideBySide.median(samples[1][op]);
                    double p64 = SideBySide.median(samples[2][op]);
                    table.add(OPERATIONS[op], f("%.1f", p4), f("%.1f", p16), f("%.1f", p64), ratio(p16 / p4), ratio(p64 / p4));
                }
                System.out.println(table);
            }
        } finally {
            BenchWorkspace.deleteRecursively(dir);
        }
        System.out.println("load average at end: " + AllBenchmarks.loadAverage());
    }

    /** Builds a fresh file (untimed) and returns µs per operation, in the order of {@link #OPERATIONS}. */
    private static double[] measure(Path dir, int pageSize, String journal, long seed) throws Exception {
        Path file = Files.createTempFile(dir, "oltp-" + pageSize + "-", ".db");
        Files.delete(file);
        try {
            build(file, pageSize, journal);
            try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file)) {
                SplittableRandom random = new SplittableRandom(seed);
                double[] perOp = new double[OPERATIONS.length];
                try (PreparedStatement byId = c.prepareStatement("SELECT name, price FROM item WHERE id = ?");
                     PreparedStatement byName = c.prepareStatement("SELECT id FROM item WHERE name = ?");
                     PreparedStatement update = c.prepareStatement("UPDATE item SET stock = stock - 1, name = ? WHERE id = ?");
                     PreparedStatement insert = c.prepareStatement("INSERT INTO item(name, price, stock) VALUES (?, ?, ?)");
                     Statement aggregate = c.createStatement()) {
                    List<SideBySide.Operation> ops = new ArrayList<>();
                    ops.add(() -> {
                        byId.setInt(1, 1 + random.nextInt(ROWS));
                        drain(byId.executeQuery());
                    });
                    ops.add(() -> {
                        byName.setString(1, "item-" + random.nextInt(1_000_000));
                        drain(byName.executeQuery());
                    });
                    ops.add(() -> {
                        update.setString(1, "item-" + random.nextInt(1_000_000));
                        update.setInt(2, 1 + random.nextInt(ROWS));
                        update.executeUpdate();
                    });
                    ops.add(() -> {
                        insert.setString(1, "new-" + random.nextInt(1_000_000));
                        insert.setDouble(2, 1.5);
                        insert.setInt(3, 3);
                        insert.executeUpdate();
                    });
                    ops.add(() -> drain(aggregate.executeQuery("SELECT count(*), avg(price) FROM item WHERE stock < 10")));
                    for (int op = 0; op < ops.size(); op++) {
                        long start = System.nanoTime();
                        for (int i = 0; i < REPEATS[op]; i++) {
                            ops.get(op).run();
                        }
                        perOp[op] = (System.nanoTime() - start) / 1e3 / REPEATS[op];
                    }
                }
                return perOp;
            }
        } finally {
            for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    private static void build(Path file, int pageSize, String journal) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlitevec:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = " + pageSize);
                s.execute("PRAGMA journal_mode = " + journal);
                s.execute("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, stock INTEGER)");
                s.execute("CREATE INDEX item_name ON item(name)");
            }
            c.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(3);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    p.setInt(1, i);
                    p.setString(2, "item-" + random.nextInt(1_000_000));
                    p.setDouble(3, random.nextDouble() * 100);
                    p.setInt(4, random.nextInt(50));
                    p.addBatch();
                    if (i % 1000 == 0) {
                        p.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }

    private static void drain(ResultSet rs) throws SQLException {
        try (rs) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }
}
