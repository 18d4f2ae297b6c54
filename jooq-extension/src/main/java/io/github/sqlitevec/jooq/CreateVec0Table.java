package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.PostgresSchema;
import io.github.sqlitevec.jdbc.schema.ScalarType;
import io.github.sqlitevec.jdbc.schema.Vec0Table;
import io.github.sqlitevec.jdbc.schema.VectorElementType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;

/**
 * A {@code vec0} table definition built step by step with jOOQ data types, checked against
 * sqlite-vec 0.1.9's rules at every step (the driver's {@link Vec0Table} model, shared with the
 * Hibernate dialect and {@code sqlitevec-migrate}), so a mistake surfaces as an
 * {@link IllegalArgumentException} that names the fix. Made by
 * {@link SqliteVecDSL#createVec0Table(String)}; each step returns a new instance (immutable,
 * thread-safe). Finish with {@link #toQuery()}, which renders for the dialect it runs on:
 *
 * <pre>{@code
 * ctx.execute(createVec0Table("docs").primaryKey("id")
 *     .vector("embedding", VectorElementType.FLOAT32, 384, DistanceMetric.COSINE)
 *     .metadata("category", SQLDataType.VARCHAR).toQuery());
 * // SQLITE:   create virtual table docs using vec0(id integer primary key,
 * //             embedding float[384] distance_metric=cosine, category text)
 * // POSTGRES: create table "docs" ("id" bigint primary key, "embedding" vector(384), "category" text);
 * //           create index "docs_category_idx" on "docs" ("category");
 * //           create index "docs_embedding_hnsw_idx" on "docs" using hnsw ("embedding" vector_cosine_ops)
 * }</pre>
 *
 * <p>Names are plain SQL identifiers because vec0's column parser accepts no quoting; {@code distance},
 * {@code k} and {@code rowid} are taken by vec0.
 */
public final class CreateVec0Table {

    private final Vec0Table table;
    private final boolean ifNotExists;
    private final PostgresSchema.VectorIndex postgresIndex;

    private CreateVec0Table(Vec0Table table, boolean ifNotExists, PostgresSchema.VectorIndex postgresIndex) {
        this.table = table;
        this.ifNotExists = ifNotExists;
        this.postgresIndex = postgresIndex;
    }

    static CreateVec0Table named(String tableName) {
        return new CreateVec0Table(Vec0Table.named(tableName), false, PostgresSchema.VectorIndex.HNSW);
    }

    /** {@code create virtual table if not exists ...} (on PostgreSQL: {@code if not exists} on the table and each index). */
    public CreateVec0Table ifNotExists() {
        return new CreateVec0Table(table, true, postgresIndex);
    }

    /** The vector index built on PostgreSQL for each vector column: HNSW (the default), IVFFLAT or NONE. SQLite ignores it. */
    public CreateVec0Table postgresVectorIndex(PostgresSchema.VectorIndex index) {
        if (index == null) {
            throw new IllegalArgumentException("postgresVectorIndex needs HNSW, IVFFLAT or NONE");
        }
        return new CreateVec0Table(table, ifNotExists, index);
    }

    /** {@code <name> integer primary key}: the table's rowid under a name of your choice. */
    public CreateVec0Table primaryKey(String name) {
        return primaryKey(name, org.jooq.impl.SQLDataType.BIGINT);
    }

    /** {@code <name> integer primary key} or {@code <name> text primary key}, chosen by {@code type}. */
    public CreateVec0Table primaryKey(String name, DataType<?> type) {
        return with(table.primaryKey(name, scalarType(name, type)));
    }

    /** {@code <name> float[dims]} (or {@code int8[dims]}, {@code bit[dims]}) with vec0's default metric (l2; hamming for bit). */
    public CreateVec0Table vector(String name, VectorElementType type, int dimensions) {
        return with(table.vector(name, type, dimensions));
    }

    /** {@code <name> float[dims] distance_metric=<metric>}; {@code metric} is l2, cosine or l1, and not allowed for bit columns. */
    public CreateVec0Table vector(String name, VectorElementType type, int dimensions, DistanceMetric metric) {
        return with(table.vector(name, type, dimensions, metric));
    }

    /**
     * {@code <name> integer|float|text|boolean}: a metadata column, stored beside the vectors and
     * usable as a filter inside KNN queries. The vec0 type follows {@code type}'s Java type.
     */
    public CreateVec0Table metadata(String name, DataType<?> type) {
        return with(table.metadata(name, scalarType(name, type)));
    }

    /**
     * {@code <name> integer|text|boolean partition key}: vectors are stored per partition, and a
     * KNN query with {@code <name> = ?} scans only that partition.
     */
    public CreateVec0Table partitionKey(String name, DataType<?> type) {
        return with(table.partitionKey(name, scalarType(name, type)));
    }

    /**
     * {@code +<name> integer|float|text|blob}: an auxiliary column, stored but not filterable in a
     * KNN query — for payload such as a title or the original text.
     */
    public CreateVec0Table auxiliary(String name, DataType<?> type) {
        return with(table.auxiliary(name, scalarType(name, type)));
    }

    /** {@code chunk_size=<n>}: vectors per storage chunk, a multiple of 8 up to 4096 (vec0's default is 1024). */
    public CreateVec0Table chunkSize(int chunkSize) {
        return with(table.chunkSize(chunkSize));
    }

    /** The table model, e.g. for {@link PostgresSchema} or to compare with an existing table. */
    public Vec0Table table() {
        return table;
    }

    /** The SQLite statement, e.g. {@code create virtual table docs using vec0(embedding float[4])}. */
    public String getSQL() {
        return table.sqliteCreateStatement(ifNotExists);
    }

    /** The statements for {@code dialect}: one on SQLite; the table, its filter indexes and its vector indexes on PostgreSQL. */
    public List<String> getSQL(SQLDialect dialect) {
        if (dialect.family() != SQLDialect.POSTGRES) {
            return List.of(getSQL());
        }
        table.requireComplete();
        List<String> statements = new ArrayList<>();
        statements.add(PostgresSchema.createTable(table));
        statements.addAll(PostgresSchema.createFilterIndexes(table));
        statements.addAll(PostgresSchema.createVectorIndexes(table, postgresIndex));
        if (ifNotExists) {
            statements.replaceAll(s -> s.replaceFirst("^create (table|index) ", "create $1 if not exists "));
        }
        return statements;
    }

    /**
     * The statement as a jOOQ {@link Query}, for {@code ctx.execute(query)}: rendered for the
     * executing context's dialect (see the class comment for both sides).
     */
    public Query toQuery() {
        // Validate now, at the line that built the definition, not when the query is rendered.
        // (A PostgreSQL-only problem, such as a vector too wide for pgvector's indexes, surfaces
        // when the query is rendered for PostgreSQL.)
        getSQL();
        // All names passed the model's identifier rules and there are no bind values.
        return DSL.query("{0}", CustomQueryPart.of(ctx -> ctx.sql(String.join(";\n", getSQL(ctx.dialect())))));
    }

    @Override
    public String toString() {
        return getSQL();
    }

    private CreateVec0Table with(Vec0Table next) {
        return new CreateVec0Table(next, ifNotExists, postgresIndex);
    }

    /** The vec0 column type for {@code type}'s Java type. */
    private static ScalarType scalarType(String name, DataType<?> type) {
        if (type == null) {
            throw new IllegalArgumentException("column " + name + " needs a data type");
        }
        DataType<?> sqlType = type.getSQLDataType() == null ? type : type.getSQLDataType();
        Class<?> javaType = sqlType.getType();
        if (javaType == Long.class || javaType == Integer.class || javaType == Short.class || javaType == Byte.class || javaType == BigInteger.class) {
            return ScalarType.INTEGER;
        } else if (javaType == Double.class || javaType == Float.class || javaType == BigDecimal.class) {
            return ScalarType.FLOAT;
        } else if (javaType == String.class) {
            return ScalarType.TEXT;
        } else if (javaType == Boolean.class) {
            return ScalarType.BOOLEAN;
        } else if (javaType == byte[].class) {
            return ScalarType.BLOB;
        }
        throw new IllegalArgumentException("column " + name + " has type " + sqlType.getTypeName() + " (Java " + javaType.getSimpleName()
                + "), which vec0 cannot store; use an integer, floating-point, string, boolean or byte[] data type");
    }
}
