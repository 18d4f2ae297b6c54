package io.github.sqlitevec.jdbc;

import io.github.sqlitevec.jdbc.internal.errors.SqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One KNN search on several cores: the same {@code vec0} KNN statement runs once per partition,
 * each on its own pooled connection and thread, and the per-partition top k are merged into
 * one top k. SQLite runs one statement on one core; a {@code vec0} table whose rows are spread
 * over the values of a {@code partition key} column can be scanned by several statements at once,
 * and the k nearest rows of the whole table are among the k nearest of each partition.
 *
 * <pre>{@code
 * // once: spread the rows over (e.g.) 2 x cores partitions
 * CREATE VIRTUAL TABLE items USING vec0(shard integer partition key, embedding float[1536]);
 * INSERT INTO items(rowid, shard, embedding) VALUES (?1, ?1 % 8, ?2);
 *
 * HikariDataSource pool = new HikariDataSource();                          // any pooled DataSource
 * pool.setJdbcUrl("jdbc:sqlitevec:app.db");
 * try (ParallelKnn knn = new ParallelKnn(pool,
 *         "SELECT rowid, distance FROM items WHERE embedding MATCH ?1 AND k = ?2 AND shard = ?3",
 *         List.of(0, 1, 2, 3, 4, 5, 6, 7), Runtime.getRuntime().availableProcessors())) {
 *     List<ParallelKnn.Hit> top10 = knn.search(queryEmbedding, 10);  // float[], or a blob / JSON text
 * }
 * }</pre>
 *
 * The statement is the one a user would write for a single partition: parameter {@code ?1} is the
 * query vector, {@code ?2} is k and {@code ?3} the partition value; its first two result columns
 * are the rowid and the distance. Anything else sqlite-vec allows in a KNN query (metadata
 * filters, {@code vec_quantize_int8(?1, 'unit')} on an int8 column, other column names) may be in
 * it. The result is the table's top k: the same rows and distances as one query over the whole
 * table, in ascending distance (where several rows tie at the k-th distance, which of them make
 * the cut may differ); equal distances from different partitions come in the order of the
 * partition list. Reads need no write lock, so searches run beside a writer in WAL mode.
 *
 * <p>Each search borrows one connection per partition from the {@link DataSource}; use a pool
 * (HikariCP, or any other), since an unpooled data source opens a connection per partition and
 * search. What it gains is measured in docs/benchmarks.md ("one search on every core"): the
 * speed-up is bounded by the cores that are idle and by memory bandwidth.
 *
 * <p>Thread-safe: any number of threads may call {@link #search} at once (they share the worker
 * threads). {@link #close()} stops the worker threads; it does not close the data source.
 */
public final class ParallelKnn implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DataSource dataSource;
    private final String sql;
    private final List<Object> partitions;
    private final ExecutorService workers;

    /**
     * @param dataSource gives connections over a {@code jdbc:sqlitevec:} URL, preferably pooled
     * @param sql the KNN statement for one partition ({@code ?1} vector, {@code ?2} k, {@code ?3}
     *     partition), returning rowid and distance as its first two columns
     * @param partitions the partition values to search, at least one (e.g. 0..7)
     * @param threads how many statements run at once, at least 1 (e.g. the number of cores)
     * @throws SQLException if the statement does not prepare, or lacks its three parameters or two columns
     */
    public ParallelKnn(DataSource dataSource, String sql, List<?> partitions, int threads) throws SQLException {
        if (dataSource == null || sql == null || partitions == null || partitions.isEmpty() || threads < 1) {
            throw new IllegalArgumentException("ParallelKnn needs a DataSource, a KNN statement, at least one "
                    + "partition value and at least one thread; got dataSource=" + dataSource + ", sql=" + sql
                    + ", partitions=" + partitions + ", threads=" + threads);
        }
        this.dataSource = dataSource;
        this.sql = sql;
        this.partitions = List.copyOf(partitions);
        check(dataSource, sql);
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "sqlitevec-parallel-knn-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true); // an unclosed instance must not keep the JVM alive
            return t;
        };
        this.workers = Executors.newFixedThreadPool(Math.min(threads, this.partitions.size()), factory);
    }

    /** One neighbour: the row, its distance to the query, and the partition it was found in. Immutable. */
    public static final class Hit {
        private final long rowid;
        private final double distance;
        private final Object partition;

        Hit(long rowid, double distance, Object partition) {
            this.rowid = rowid;
            this.distance = distance;
            this.partition = partition;
        }

        /** The row's rowid in the vec0 table. */
        public long rowid() {
            return rowid;
        }

        /** Its distance to the query vector (NaN where sqlite-vec's distance is NaN). */
        public double distance() {
            return distance;
        }

        /** The partition value it was found under. */
        public Object partition() {
            return partition;
        }

        @Override
        public String toString() {
            return "Hit[rowid=" + rowid + ", distance=" + distance + ", partition=" + partition + "]";
        }
    }

    /**
     * The k rows nearest to {@code queryVector} over all partitions, nearest first.
     *
     * @param queryVector bound as parameter {@code ?1}: a {@code float[]}, a vector blob or JSON text
     * @param k how many rows, 0 to 4096 (sqlite-vec's limit)
     * @throws SQLException the first error of any partition's statement (the others are cancelled)
     */
    public List<Hit> search(Object queryVector, int k) throws SQLException {
        if (k < 0 || k > 4096) {
            throw new IllegalArgumentException("k is " + k + "; sqlite-vec returns 0 to 4096 neighbours per query");
        }
        List<Future<List<Hit>>> parts = new ArrayList<>(partitions.size());
        for (Object partition : partitions) {
            parts.add(workers.submit(() -> searchPartition(queryVector, k, partition)));
        }
        List<Hit> all = new ArrayList<>(k * partitions.size());
        try {
            for (Future<List<Hit>> part : parts) {
                all.addAll(part.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SqlState.QUERY_CANCELED.newException("interrupted while waiting for the partitions' KNN statements", 0, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException ? (SQLException) e.getCause()
                    : SqlState.GENERAL_ERROR.newException("a partition's KNN statement failed: " + e.getCause(), 0, e.getCause());
        } finally {
            for (Future<List<Hit>> part : parts) {
                part.cancel(true);
            }
        }
        // Stable: equal distances keep the partition list's order, and sqlite-vec's within a partition.
        all.sort(Comparator.comparingDouble(Hit::distance));
        return all.size() > k ? List.copyOf(all.subList(0, k)) : all;
    }

    private List<Hit> searchPartition(Object queryVector, int k, Object partition) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, queryVector);
            p.setInt(2, k);
            p.setObject(3, partition);
            List<Hit> hits = new ArrayList<>(k);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double distance = rs.getDouble(2);
                    // sqlite-vec's NaN distances (cosine to a zero vector) reach JDBC as NULL: last, as NaN.
                    hits.add(new Hit(rs.getLong(1), rs.wasNull() ? Double.NaN : distance, partition));
                }
            }
            return hits;
        }
    }

    private static void check(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            int parameters = p.getParameterMetaData().getParameterCount();
            int columns = p.getMetaData() == null ? 0 : p.getMetaData().getColumnCount();
            if (parameters != 3 || columns < 2) {
                throw SqlState.SYNTAX_ERROR.newException("ParallelKnn needs a KNN statement with parameters ?1 (query vector), ?2 (k) "
                        + "and ?3 (partition) returning rowid and distance first, e.g. \"SELECT rowid, distance FROM "
                        + "items WHERE embedding MATCH ?1 AND k = ?2 AND shard = ?3\"; got " + parameters
                        + " parameter(s) and " + columns + " column(s) in: " + sql, 0, null);
            }
        }
    }

    /** Stops the worker threads after the searches in progress; the data source stays open. */
    @Override
    public void close() {
        workers.shutdown();
    }
}
