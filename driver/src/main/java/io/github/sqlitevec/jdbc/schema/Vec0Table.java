package io.github.sqlitevec.jdbc.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code vec0} virtual table: its name, its columns and their kinds, and its chunk size — the one
 * model that the jOOQ DDL, the Hibernate schema export and {@code sqlitevec-migrate} share. Each
 * step checks sqlite-vec 0.1.9's rules and throws an {@link IllegalArgumentException} that names
 * the fix, so a mistake never reaches SQLite as a bare "vec0 constructor error". Every step
 * returns a new instance: immutable and thread-safe.
 *
 * <pre>{@code
 * Vec0Table docs = Vec0Table.named("docs")
 *         .primaryKey("id", ScalarType.INTEGER)
 *         .vector("embedding", VectorElementType.FLOAT32, 384, DistanceMetric.COSINE)
 *         .metadata("category", ScalarType.TEXT)
 *         .partitionKey("user_id", ScalarType.INTEGER)
 *         .auxiliary("title", ScalarType.TEXT);
 * docs.sqliteCreateStatement();
 * // create virtual table docs using vec0(id integer primary key, embedding float[384] distance_metric=cosine,
 * //   category text, user_id integer partition key, +title text)
 * PostgresSchema.createTable(docs);
 * // create table "docs" ("id" bigint primary key, "embedding" vector(384), "category" text, "user_id" bigint, "title" text)
 * Vec0Table.parse("create virtual table docs using vec0(embedding float[384])");   // read sqlite_master.sql back
 * }</pre>
 *
 * <p>Rules (checked against the real extension by this module's tests): names are plain
 * identifiers, since vec0's parser accepts no quoting (a column name must start with a letter);
 * {@code distance}, {@code k} and {@code rowid} are taken; names are unique ignoring case; at most
 * one primary key, 16 vector, 16 metadata, 16 auxiliary and 4 partition-key columns; 1 to 8192
 * dimensions; the column types listed in {@link ScalarType}; bit columns use Hamming distance and
 * have a multiple of 8 dimensions; {@code chunk_size} a multiple of 8 up to 4096; at least one
 * vector column (checked when the statement is rendered, and by {@link #requireComplete()}).
 */
public final class Vec0Table {

    /** sqlite-vec 0.1.9's limits (vec0 constructor). */
    public static final int MAX_VECTOR_COLUMNS = 16;
    /** Most metadata columns a vec0 table may have. */
    public static final int MAX_METADATA_COLUMNS = 16;
    /** Most auxiliary columns a vec0 table may have. */
    public static final int MAX_AUXILIARY_COLUMNS = 16;
    /** Most partition-key columns a vec0 table may have. */
    public static final int MAX_PARTITION_KEYS = 4;
    /** Most dimensions of a vector column (bits for a bit column). */
    public static final int MAX_DIMENSIONS = 8192;
    /** Largest {@code chunk_size}. */
    public static final int MAX_CHUNK_SIZE = 4096;

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final List<String> HIDDEN = List.of("distance", "k", "rowid");

    private final String name;
    private final List<Vec0Column> columns;
    private final int chunkSize;

    private Vec0Table(String name, List<Vec0Column> columns, int chunkSize) {
        this.name = name;
        this.columns = columns;
        this.chunkSize = chunkSize;
    }

    /** An empty {@code vec0} table named {@code name} (a plain identifier) to add columns to. */
    public static Vec0Table named(String name) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("table name " + quoted(name)
                    + " is not a plain identifier; use [A-Za-z_][A-Za-z0-9_]* (vec0 derives its shadow table names from it)");
        }
        return new Vec0Table(name, List.of(), 0);
    }

    /**
     * The table declared by {@code sql}, a {@code create virtual table … using vec0(…)} statement
     * as stored in {@code sqlite_master.sql}. Accepts what sqlite-vec 0.1.9 accepts (any case,
     * {@code float32}, {@code int}, {@code double}, {@code bool}); throws
     * {@link IllegalArgumentException} naming the part it cannot read.
     */
    public static Vec0Table parse(String sql) {
        return Vec0Declaration.parse(sql);
    }

    /** {@code <name> integer primary key} or {@code <name> text primary key}. */
    public Vec0Table primaryKey(String column, ScalarType type) {
        if (primaryKey() != null) {
            throw new IllegalArgumentException("vec0 table " + name + " already has the primary key " + primaryKey().name()
                    + "; vec0 supports one primary key column");
        }
        requireType(column, type, "a primary key", ScalarType.INTEGER, ScalarType.TEXT);
        return with(Vec0Column.scalar(column, Vec0Column.Kind.PRIMARY_KEY, type));
    }

    /** {@code <name> float[n]}, {@code int8[n]} or {@code bit[n]} with the default metric (L2; Hamming for bit). */
    public Vec0Table vector(String column, VectorElementType type, int dimensions) {
        return vector(column, type, dimensions, null);
    }

    /**
     * {@code <name> float[n] distance_metric=<metric>}: {@code metric} is L2, COSINE or L1 for
     * float32 and int8 columns; null (or HAMMING) for bit columns, which always use Hamming distance.
     */
    public Vec0Table vector(String column, VectorElementType type, int dimensions, DistanceMetric metric) {
        if (type == null) {
            throw new IllegalArgumentException("vector column " + column + " needs an element type: FLOAT32, INT8 or BIT");
        }
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("vector column " + column + " has " + dimensions
                    + " dimensions; sqlite-vec supports 1 to " + MAX_DIMENSIONS);
        }
        DistanceMetric effective = metric;
        if (type == VectorElementType.BIT) {
            if (dimensions % 8 != 0) {
                throw new IllegalArgumentException("bit vector column " + column + " has " + dimensions
                        + " dimensions; use a multiple of 8 (sqlite-vec stores 8 bits per byte and rejects every other vector for it), e.g. "
                        + (dimensions / 8 + 1) * 8);
            }
            if (metric != null && metric != DistanceMetric.HAMMING) {
                throw new IllegalArgumentException("bit vector column " + column + " always uses hamming distance; remove distance_metric="
                        + metric.sqliteName());
            }
            effective = DistanceMetric.HAMMING;
        } else if (metric == DistanceMetric.HAMMING) {
            throw new IllegalArgumentException("vector column " + column
                    + " cannot use hamming distance; make it a BIT column for hamming, or use L2, COSINE or L1");
        } else if (metric == null) {
            effective = DistanceMetric.L2;
        }
        requireBelow(Vec0Column.Kind.VECTOR, MAX_VECTOR_COLUMNS, "vector columns");
        return with(Vec0Column.vector(column, type, dimensions, effective));
    }

    /** {@code <name> integer|float|text|boolean}: a metadata column, usable as a filter inside KNN queries. */
    public Vec0Table metadata(String column, ScalarType type) {
        requireType(column, type, "a metadata column", ScalarType.INTEGER, ScalarType.FLOAT, ScalarType.TEXT, ScalarType.BOOLEAN);
        requireBelow(Vec0Column.Kind.METADATA, MAX_METADATA_COLUMNS, "metadata columns");
        return with(Vec0Column.scalar(column, Vec0Column.Kind.METADATA, type));
    }

    /**
     * {@code <name> integer|text|boolean partition key}: vectors are stored per partition, and a KNN
     * query with {@code <name> = ?} scans only that partition. (vec0 reads {@code float} here as a
     * vector type, so floating-point partition keys are not offered.)
     */
    public Vec0Table partitionKey(String column, ScalarType type) {
        requireType(column, type, "a partition key", ScalarType.INTEGER, ScalarType.TEXT, ScalarType.BOOLEAN);
        requireBelow(Vec0Column.Kind.PARTITION_KEY, MAX_PARTITION_KEYS, "partition key columns");
        return with(Vec0Column.scalar(column, Vec0Column.Kind.PARTITION_KEY, type));
    }

    /** {@code +<name> integer|float|text|blob}: stored payload (a title, the original text), not filterable inside a KNN query. */
    public Vec0Table auxiliary(String column, ScalarType type) {
        requireType(column, type, "an auxiliary column", ScalarType.INTEGER, ScalarType.FLOAT, ScalarType.TEXT, ScalarType.BLOB);
        requireBelow(Vec0Column.Kind.AUXILIARY, MAX_AUXILIARY_COLUMNS, "auxiliary columns");
        return with(Vec0Column.scalar(column, Vec0Column.Kind.AUXILIARY, type));
    }

    /** {@code chunk_size=<n>}: vectors per storage chunk, a multiple of 8 from 8 to 4096 (vec0's default is 1024). */
    public Vec0Table chunkSize(int size) {
        if (size < 8 || size % 8 != 0 || size > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk_size of vec0 table " + name + " is " + size
                    + "; sqlite-vec needs a multiple of 8 from 8 to " + MAX_CHUNK_SIZE + ", e.g. 1024");
        }
        return new Vec0Table(name, columns, size);
    }

    /** The table name. */
    public String name() {
        return name;
    }

    /** The declared columns, in declaration order (unmodifiable). */
    public List<Vec0Column> columns() {
        return columns;
    }

    /** The declared column named {@code column} (ignoring case), or null. */
    public Vec0Column column(String column) {
        for (Vec0Column c : columns) {
            if (c.name().equalsIgnoreCase(column)) {
                return c;
            }
        }
        return null;
    }

    /** The columns of one kind, in declaration order. */
    public List<Vec0Column> columns(Vec0Column.Kind kind) {
        List<Vec0Column> result = new ArrayList<>();
        for (Vec0Column c : columns) {
            if (c.kind() == kind) {
                result.add(c);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** The declared primary key column, or null when the table is keyed by its rowid. */
    public Vec0Column primaryKey() {
        List<Vec0Column> keys = columns(Vec0Column.Kind.PRIMARY_KEY);
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** The declared {@code chunk_size}, or 0 for vec0's default. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Throws unless the table has a vector column (vec0 requires one). */
    public Vec0Table requireComplete() {
        if (columns(Vec0Column.Kind.VECTOR).isEmpty()) {
            throw new IllegalArgumentException("vec0 table " + name + " has no vector column; add one with vector(name, type, dimensions)");
        }
        return this;
    }

    /** {@code create virtual table <name> using vec0(<columns>[, chunk_size=<n>])}. */
    public String sqliteCreateStatement() {
        return sqliteCreateStatement(false);
    }

    /** The same, with {@code if not exists} when {@code ifNotExists}. */
    public String sqliteCreateStatement(boolean ifNotExists) {
        requireComplete();
        List<String> parts = new ArrayList<>();
        for (Vec0Column column : columns) {
            parts.add(column.sqliteDefinition());
        }
        if (chunkSize > 0) {
            parts.add("chunk_size=" + chunkSize);
        }
        return "create virtual table " + (ifNotExists ? "if not exists " : "") + name + " using vec0(" + String.join(", ", parts) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Vec0Table)) {
            return false;
        }
        Vec0Table other = (Vec0Table) o;
        return name.equals(other.name) && columns.equals(other.columns) && chunkSize == other.chunkSize;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + columns.hashCode() + chunkSize;
    }

    @Override
    public String toString() {
        return columns(Vec0Column.Kind.VECTOR).isEmpty() ? "vec0 table " + name + " (no vector column yet)" : sqliteCreateStatement();
    }

    private Vec0Table with(Vec0Column column) {
        String columnName = column.name();
        if (columnName == null || !COLUMN_NAME.matcher(columnName).matches()) {
            throw new IllegalArgumentException("column name " + quoted(columnName)
                    + " is not a plain identifier; vec0 accepts only [A-Za-z][A-Za-z0-9_]* (no quoting, no leading underscore)");
        }
        if (HIDDEN.contains(columnName.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("column name " + columnName
                    + " is taken by vec0 (its hidden columns are distance and k, and rowid is built in); choose another name");
        }
        Vec0Column existing = column(columnName);
        if (existing != null) {
            throw new IllegalArgumentException("vec0 table " + name + " already has a column named " + existing.name()
                    + "; column names are case-insensitive in SQLite");
        }
        List<Vec0Column> next = new ArrayList<>(columns);
        next.add(column);
        return new Vec0Table(name, Collections.unmodifiableList(next), chunkSize);
    }

    private void requireBelow(Vec0Column.Kind kind, int max, String what) {
        if (columns(kind).size() >= max) {
            throw new IllegalArgumentException("vec0 table " + name + " would have more than " + max + " " + what
                    + "; sqlite-vec allows at most " + max);
        }
    }

    private static void requireType(String column, ScalarType type, String role, ScalarType... allowed) {
        if (type == null) {
            throw new IllegalArgumentException("column " + column + " needs a type");
        }
        List<String> names = new ArrayList<>();
        for (ScalarType candidate : allowed) {
            if (candidate == type) {
                return;
            }
            names.add(candidate.sqliteName());
        }
        throw new IllegalArgumentException("column " + column + " has type " + type.sqliteName() + ", which vec0 does not accept for "
                + role + "; use one of " + String.join(", ", names));
    }

    private static String quoted(String name) {
        return name == null ? "null" : "'" + name + "'";
    }
}
