package io.github.sqlitevec.hibernate;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How one attribute of a {@link Vec0Table} entity is declared in the {@code vec0} table.
 *
 * <pre>{@code
 * @Vec0Column(distanceMetric = DistanceMetric.COSINE) @JdbcTypeCode(SqlTypes.VECTOR) @Array(length = 384) float[] embedding;
 * @Vec0Column(role = Vec0Column.Role.PARTITION_KEY) Long userId;
 * @Vec0Column(role = Vec0Column.Role.AUXILIARY) String body;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Vec0Column {

    /** Role of a non-vector column; ignored on vector attributes. */
    Role role() default Role.METADATA;

    /**
     * Distance a KNN query on this vector column orders by ({@code L2}, {@code COSINE} or {@code L1});
     * ignored on other attributes. Bit vectors always use Hamming distance. On PostgreSQL it picks the
     * HNSW operator class ({@code vector_l2_ops}, {@code vector_cosine_ops}, {@code vector_l1_ops}).
     */
    DistanceMetric distanceMetric() default DistanceMetric.L2;

    /** vec0's kinds of non-vector columns. */
    enum Role {
        /** {@code lang text}: filterable in a KNN query's WHERE clause. */
        METADATA,
        /** {@code user_id integer partition key}: shards the index; filter on it with {@code =}. */
        PARTITION_KEY,
        /** {@code +body text}: stored alongside, returned but not filterable. */
        AUXILIARY
    }
}
