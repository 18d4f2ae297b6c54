package io.github.sqlitevec.jooq;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * A {@code create virtual table ... using vec0(...)} statement, built step by step and checked
 * against sqlite-vec 0.1.9's rules at every step, so a mistake surfaces as an
 * {@link IllegalArgumentException} that names the fix rather than as a "vec0 constructor error"
 * from SQLite. Made by {@link SqliteVecDSL#createVec0Table(String)}; each step returns a new
 * instance (immutable, thread-safe). Finish with {@link #toQuery()} or {@link #getSQL()}.
 *
 * <p>Names are plain SQL identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}) because vec0's column
 * parser accepts no quoting; {@code distance}, {@code k} and {@code rowid} are taken by vec0.
 */
public final class CreateVec0Table {

    /** sqlite-vec 0.1.9's limits (vec0 constructor). */
    static final int MAX_VECTOR_COLUMNS = 16;
    static final int MAX_METADATA_COLUMNS = 16;
    static final int MAX_AUXILIARY_COLUMNS = 16;
    static final int MAX_PARTITION_KEYS = 4;
    static final int MAX_DIMENSIONS = 8192;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> RESERVED = List.of("distance", "k", "rowid", "chunk_size");

    private enum Kind { PRIMARY_KEY, VECTOR, METADATA, PARTITION_KEY, AUXILIARY }

    private static final class Column {
        final Kind kind;
        final String name;
        final String sql;

        Column(Kind kind, String name, String sql) {
            this.kind = kind;
            this.name = name;
            this.sql = sql;
        }
    }

    private final String tableName;
    private final boolean ifNotExists;
    private final List<Column> columns;
    private final int chunkSize;

    private CreateVec0Table(String tableName, boolean ifNotExists, List<Column> columns, int chunkSize) {
        this.tableName = tableName;
        this.ifNotExists = ifNotExists;
        this.columns = columns;
        this.chunkSize = chunkSize;
    }

    static CreateVec0Table named(String tableName) {
        requireIdentifier("table", tableName);
        return new CreateVec0Table(tableName, false, List.of(), 0);
    }

    /** {@code create virtual table if not exists ...}. */
    public CreateVec0Table ifNotExists() {
        return new CreateVec0Table(tableName, true, columns, chunkSize);
    }

    /** {@code <name> integer primary key}: the table's rowid under a name of your choice. */
    public CreateVec0Table primaryKey(String name) {
        return primaryKey(name, org.jooq.impl.SQLDataType.BIGINT);
    }

    /** {@code <name> integer primary key} or {@code <name> text primary key}, chosen by {@code type}. */
    public CreateVec0Table primaryKey(String name, DataType<?> type) {
        if (count(Kind.PRIMARY_KEY) > 0) {
            throw new IllegalArgumentException("vec0 table " + tableName + " already has a primary key; vec0 supports a single primary key column");
        }
        String sqlType = scalarType(name, type, "a primary key", "integer", "text");
        return with(new Column(Kind.PRIMARY_KEY, name, name + " " + sqlType + " primary key"));
    }

    /** {@code <name> float[dims]} (or {@code int8[dims]}, {@code bit[dims]}) with vec0's default metric (l2; hamming for bit). */
    public CreateVec0Table vector(String name, VectorElementType type, int dimensions) {
        return vector(name, type, dimensions, null);
    }

    /** {@code <name> float[dims] distance_metric=<metric>}; {@code metric} is l2, cosine or l1, and not allowed for bit columns. */
    public CreateVec0Table vector(String name, VectorElementType type, int dimensions, DistanceMetric metric) {
        if (type == null) {
            throw new IllegalArgumentException("vector column " + name + " needs an element type: FLOAT32, INT8 or BIT");
        }
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("vector column " + name + " has " + dimensions
                    + " dimensions; sqlite-vec supports 1 to " + MAX_DIMENSIONS);
        }
        if (type == VectorElementType.BIT && dimensions % 8 != 0) {
            throw new IllegalArgumentException("bit vector column " + name + " has " + dimensions
                    + " dimensions; use a multiple of 8 (sqlite-vec stores 8 bits per byte), e.g. " + ((dimensions / 8) + 1) * 8);
        }
        if (metric != null && type == VectorElementType.BIT) {
            throw new IllegalArgumentException("bit vector column " + name + " always uses hamming distance; remove distance_metric=" + metric.sqlName());
        }
        if (metric == DistanceMetric.HAMMING) {
            throw new IllegalArgumentException("vector column " + name + " cannot use distance_metric=hamming; use a bit column (VectorElementType.BIT) for hamming distance, or L2, COSINE or L1");
        }
        requireBelow(Kind.VECTOR, MAX_VECTOR_COLUMNS, "vector columns");
        String sql = name + " " + type.sqlName() + "[" + dimensions + "]" + (metric == null ? "" : " distance_metric=" + metric.sqlName());
        return with(new Column(Kind.VECTOR, name, sql));
    }

    /**
     * {@code <name> integer|float|text|boolean}: a metadata column, stored beside the vectors and
     * usable as a filter inside KNN queries. The vec0 type follows {@code type}'s Java type.
     */
    public CreateVec0Table metadata(String name, DataType<?> type) {
        requireBelow(Kind.METADATA, MAX_METADATA_COLUMNS, "metadata columns");
        String sqlType = scalarType(name, type, "a metadata column", "integer", "float", "text", "boolean");
        return with(new Column(Kind.METADATA, name, name + " " + sqlType));
    }

    /**
     * {@code <name> integer|text partition key}: vectors are stored per partition, and a KNN
     * query with {@code <name> = ?} scans only that partition.
     */
    public CreateVec0Table partitionKey(String name, DataType<?> type) {
        requireBelow(Kind.PARTITION_KEY, MAX_PARTITION_KEYS, "partition key columns");
        String sqlType = scalarType(name, type, "a partition key", "integer", "text");
        return with(new Column(Kind.PARTITION_KEY, name, name + " " + sqlType + " partition key"));
    }

    /**
     * {@code +<name> integer|float|text|blob}: an auxiliary column, stored but not filterable in a
     * KNN query — for payload such as a title or the original text.
     */
    public CreateVec0Table auxiliary(String name, DataType<?> type) {
        requireBelow(Kind.AUXILIARY, MAX_AUXILIARY_COLUMNS, "auxiliary columns");
        String sqlType = scalarType(name, type, "an auxiliary column", "integer", "float", "text", "blob");
        return with(new Column(Kind.AUXILIARY, name, "+" + name + " " + sqlType));
    }

    /** {@code chunk_size=<n>}: vectors per storage chunk, a positive multiple of 8 (vec0's default is 1024). */
    public CreateVec0Table chunkSize(int chunkSize) {
        if (chunkSize < 8 || chunkSize % 8 != 0) {
            throw new IllegalArgumentException("chunk_size of vec0 table " + tableName + " is " + chunkSize
                    + "; sqlite-vec needs a positive multiple of 8, e.g. 1024");
        }
        return new CreateVec0Table(tableName, ifNotExists, columns, chunkSize);
    }

    /** The statement's SQL, e.g. {@code create virtual table docs using vec0(embedding float[4])}. */
    public String getSQL() {
        if (count(Kind.VECTOR) == 0) {
            throw new IllegalArgumentException("vec0 table " + tableName + " has no vector column; add one with vector(name, type, dimensions)");
        }
        List<String> parts = new ArrayList<>();
        for (Column column : columns) {
            parts.add(column.sql);
        }
        if (chunkSize > 0) {
            parts.add("chunk_size=" + chunkSize);
        }
        return "create virtual table " + (ifNotExists ? "if not exists " : "") + tableName + " using vec0(" + String.join(", ", parts) + ")";
    }

    /** The statement as a jOOQ {@link Query}, for {@code ctx.execute(query)} or a batch. */
    public Query toQuery() {
        // getSQL() validates; the SQL has no bind values and all names passed IDENTIFIER.
        return DSL.query(getSQL());
    }

    @Override
    public String toString() {
        return getSQL();
    }

    private CreateVec0Table with(Column column) {
        requireIdentifier("column", column.name);
        if (RESERVED.contains(column.name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("column name " + column.name + " is taken by vec0 (its hidden columns are distance and k, and rowid is built in); choose another name");
        }
        for (Column existing : columns) {
            if (existing.name.equalsIgnoreCase(column.name)) {
                throw new IllegalArgumentException("vec0 table " + tableName + " already has a column named " + existing.name + "; column names are case-insensitive in SQLite");
            }
        }
        List<Column> next = new ArrayList<>(columns);
        next.add(column);
        return new CreateVec0Table(tableName, ifNotExists, Collections.unmodifiableList(next), chunkSize);
    }

    private int count(Kind kind) {
        int n = 0;
        for (Column column : columns) {
            if (column.kind == kind) {
                n++;
            }
        }
        return n;
    }

    private void requireBelow(Kind kind, int max, String what) {
        if (count(kind) >= max) {
            throw new IllegalArgumentException("vec0 table " + tableName + " would have more than " + max + " " + what + "; sqlite-vec allows at most " + max);
        }
    }

    private static void requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name " + (name == null ? "null" : "'" + name + "'")
                    + " is not a plain identifier; vec0 accepts only [A-Za-z_][A-Za-z0-9_]* (no quoting)");
        }
    }

    /** The vec0 type keyword for {@code type}, if it is one of {@code allowed}. */
    private static String scalarType(String name, DataType<?> type, String role, String... allowed) {
        if (type == null) {
            throw new IllegalArgumentException("column " + name + " needs a data type");
        }
        DataType<?> sqlType = type.getSQLDataType() == null ? type : type.getSQLDataType();
        Class<?> javaType = sqlType.getType();
        String keyword;
        if (javaType == Long.class || javaType == Integer.class || javaType == Short.class || javaType == Byte.class || javaType == BigInteger.class) {
            keyword = "integer";
        } else if (javaType == Double.class || javaType == Float.class || javaType == BigDecimal.class) {
            keyword = "float";
        } else if (javaType == String.class) {
            keyword = "text";
        } else if (javaType == Boolean.class) {
            keyword = "boolean";
        } else if (javaType == byte[].class) {
            keyword = "blob";
        } else {
            keyword = javaType.getSimpleName();
        }
        for (String candidate : allowed) {
            if (candidate.equals(keyword)) {
                return keyword;
            }
        }
        throw new IllegalArgumentException("column " + name + " has type " + sqlType.getTypeName() + " (" + keyword + "), which vec0 does not accept for "
                + role + "; use one of " + String.join(", ", allowed));
    }
}
