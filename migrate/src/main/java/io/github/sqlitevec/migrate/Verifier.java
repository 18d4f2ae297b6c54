package io.github.sqlitevec.migrate;

import static io.github.sqlitevec.jdbc.schema.PostgresSchema.quote;

import io.github.sqlitevec.jdbc.schema.PostgresSchema;
import io.github.sqlitevec.jdbc.schema.Vec0Column;
import io.github.sqlitevec.jdbc.schema.VectorElementType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --verify}: for every copied table, the row counts and a checksum per column on both sides
 * (order-independent: the sum of the values' 64-bit hashes, after both sides' text is normalized by
 * the column's {@link PgType}); for every vector column the exact top-10 of sample queries on both
 * sides (the same ids; ties at the 10th distance may swap), and the recall@10 of the PostgreSQL
 * index against PostgreSQL's exact answer. Printed as one table; any difference fails the run.
 */
final class Verifier {

    static final int SAMPLE_QUERIES = 5;
    static final int K = 10;
    /** Relative difference under which two distances count as a tie (float32 on SQLite, double sums on PostgreSQL). */
    private static final double TIE = 1e-5;

    private final Connection sqlite;
    private final Connection pg;
    private final PostgresSchema.VectorIndex index;
    private final List<String[]> lines = new ArrayList<>();
    private boolean mismatch;

    Verifier(Connection sqlite, Connection pg, PostgresSchema.VectorIndex index) {
        this.sqlite = sqlite;
        this.pg = pg;
        this.index = index;
    }

    /** Verifies every plan, prints the table to {@code out}; true when everything matched. */
    boolean verify(List<TablePlan> plans, PrintStream out) throws SQLException {
        for (TablePlan plan : plans) {
            rows(plan);
            checksums(plan);
            if (plan.vec0 != null) {
                for (Vec0Column column : plan.vec0.columns(Vec0Column.Kind.VECTOR)) {
                    knn(plan, column);
                }
            }
        }
        print(out);
        return !mismatch;
    }

    private void rows(TablePlan plan) throws SQLException {
        String sql = "select count(*) from " + quote(plan.name);
        long a = longOf(sqlite, sql);
        long b = longOf(pg, sql);
        line(plan.name, "rows", Long.toString(a), Long.toString(b), a == b);
    }

    private void checksums(TablePlan plan) throws SQLException {
        int n = plan.columns.size();
        long[] source = new long[n];
        long[] target = new long[n];
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery(plan.select)) {
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    PgType type = plan.columns.get(i).type;
                    String text;
                    try {
                        text = type.toText(rs.getObject(i + 1));
                    } catch (PgType.Misfit e) {
                        text = "misfit:" + e.getMessage();
                    }
                    source[i] += hash(type.canonical(text));
                }
            }
        }
        List<String> casts = new ArrayList<>();
        for (TablePlan.Column c : plan.columns) {
            casts.add(quote(c.name) + "::text");
        }
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("select " + String.join(", ", casts) + " from " + quote(plan.name))) {
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    target[i] += hash(plan.columns.get(i).type.canonical(rs.getString(i + 1)));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            line(plan.name, "checksum " + plan.columns.get(i).name, hex(source[i]), hex(target[i]), source[i] == target[i]);
        }
    }

    private void knn(TablePlan plan, Vec0Column column) throws SQLException {
        List<String> keys = sampleKeys(plan);
        PgType type = PgType.vector(column.elementType(), column.dimensions());
        String sqliteKey = plan.vec0.primaryKey() == null ? "rowid" : quote(plan.key);
        int agreeing = 0;
        int found = 0;
        int possible = 0;
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            byte[] query;
            try (PreparedStatement s = sqlite.prepareStatement("select " + quote(column.name()) + " from " + quote(plan.name) + " where " + sqliteKey + " = ?")) {
                s.setString(1, key);
                if (plan.vec0.primaryKey() == null || plan.vec0.primaryKey().scalarType() == io.github.sqlitevec.jdbc.schema.ScalarType.INTEGER) {
                    s.setLong(1, Long.parseLong(key));
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    query = rs.getBytes(1);
                }
            }
            List<Neighbor> exactSqlite = sqliteKnn(plan, column, sqliteKey, query);
            String vectorText;
            try {
                vectorText = type.toText(query);
            } catch (PgType.Misfit e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            List<Neighbor> exactPg = pgKnn(plan, column, vectorText, true);
            if (sameNeighbors(exactSqlite, exactPg)) {
                agreeing++;
            } else {
                differences.add(key);
            }
            if (index != PostgresSchema.VectorIndex.NONE) {
                Set<String> exactIds = new HashSet<>();
                for (Neighbor n : exactPg) {
                    exactIds.add(n.key);
                }
                for (Neighbor n : pgKnn(plan, column, vectorText, false)) {
                    if (exactIds.contains(n.key)) {
                        found++;
                    }
                }
                possible += exactPg.size();
            }
        }
        line(plan.name, "exact top-" + K + " " + column.name() + " (" + keys.size() + " queries)", agreeing + "/" + keys.size(),
                agreeing + "/" + keys.size() + (differences.isEmpty() ? "" : " differ for " + differences), differences.isEmpty());
        if (index != PostgresSchema.VectorIndex.NONE) {
            String recall = possible == 0 ? "-" : String.format(Locale.ROOT, "%.3f", found / (double) possible);
            lines.add(new String[] {plan.name, "recall@" + K + " " + column.name() + " (" + index.name().toLowerCase(Locale.ROOT) + ")", "exact", recall, "info"});
        }
    }

    private List<String> sampleKeys(TablePlan plan) throws SQLException {
        String key = plan.vec0.primaryKey() == null ? "rowid" : quote(plan.key);
        List<String> all = new ArrayList<>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("select " + key + " from " + quote(plan.name) + " order by " + key)) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        List<String> samples = new ArrayList<>();
        int count = Math.min(SAMPLE_QUERIES, all.size());
        for (int i = 0; i < count; i++) {
            samples.add(all.get((int) ((long) i * all.size() / count)));
        }
        return samples;
    }

    private List<Neighbor> sqliteKnn(TablePlan plan, Vec0Column column, String key, byte[] query) throws SQLException {
        String bind = column.elementType() == VectorElementType.INT8 ? "vec_int8(?)" : column.elementType() == VectorElementType.BIT ? "vec_bit(?)" : "?";
        List<Neighbor> result = new ArrayList<>();
        try (PreparedStatement s = sqlite.prepareStatement("select " + key + ", distance from " + quote(plan.name) + " where " + quote(column.name())
                + " match " + bind + " and k = " + K + " order by distance")) {
            s.setBytes(1, query);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new Neighbor(rs.getString(1), rs.getDouble(2)));
                }
            }
        }
        return result;
    }

    /** PostgreSQL's top-k: exact (index scans off, inside a transaction) or through the vector index. */
    private List<Neighbor> pgKnn(TablePlan plan, Vec0Column column, String vector, boolean exact) throws SQLException {
        String cast = column.elementType() == VectorElementType.BIT ? "cast(? as bit(" + column.dimensions() + "))" : "cast(? as vector)";
        String distance = quote(column.name()) + " " + column.metric().postgresOperator() + " " + cast;
        List<Neighbor> result = new ArrayList<>();
        boolean autoCommit = pg.getAutoCommit();
        pg.setAutoCommit(false);
        try {
            if (exact) {
                try (Statement s = pg.createStatement()) {
                    s.execute("set local enable_indexscan = off");
                    s.execute("set local enable_bitmapscan = off");
                }
            }
            try (PreparedStatement s = pg.prepareStatement("select " + quote(plan.key) + "::text, (" + distance + ")::float8 from " + quote(plan.name)
                    + " order by " + distance + " limit " + K)) {
                s.setString(1, vector);
                s.setString(2, vector);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Neighbor(rs.getString(1), rs.getDouble(2)));
                    }
                }
            }
            pg.commit();
        } finally {
            pg.setAutoCommit(autoCommit);
        }
        return result;
    }

    /** The same ids, except where distances tie at the k-th place and either side may keep either row. */
    static boolean sameNeighbors(List<Neighbor> a, List<Neighbor> b) {
        if (a.size() != b.size()) {
            return false;
        }
        if (a.isEmpty()) {
            return true;
        }
        double last = Math.max(a.get(a.size() - 1).distance, b.get(b.size() - 1).distance);
        Set<String> keysB = new HashSet<>();
        for (Neighbor n : b) {
            keysB.add(n.key);
        }
        Set<String> keysA = new HashSet<>();
        for (Neighbor n : a) {
            keysA.add(n.key);
            if (!keysB.contains(n.key) && !tie(n.distance, last)) {
                return false;
            }
        }
        for (Neighbor n : b) {
            if (!keysA.contains(n.key) && !tie(n.distance, last)) {
                return false;
            }
        }
        return true;
    }

    private static boolean tie(double x, double y) {
        return Math.abs(x - y) <= TIE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    static final class Neighbor {
        final String key;
        final double distance;

        Neighbor(String key, double distance) {
            this.key = key;
            this.distance = distance;
        }
    }

    private void line(String table, String check, String a, String b, boolean ok) {
        lines.add(new String[] {table, check, a, b, ok ? "ok" : "MISMATCH"});
        mismatch |= !ok;
    }

    private void print(PrintStream out) {
        String[] header = {"table", "check", "sqlite", "postgresql", "result"};
        int[] width = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        for (String[] l : all) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        for (String[] l : all) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                row.append(String.format("%-" + width[i] + "s", l[i])).append(i < l.length - 1 ? "  " : "");
            }
            out.println(row.toString().stripTrailing());
        }
        out.println(mismatch ? "verification FAILED: see the MISMATCH lines" : "verification passed");
    }

    private static long longOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** FNV-1a over the UTF-8 bytes; NULL has its own value. */
    private static long hash(String text) {
        if (text == null) {
            return 0x9E3779B97F4A7C15L;
        }
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static String hex(long v) {
        return String.format("%016x", v);
    }
}
