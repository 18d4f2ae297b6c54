package io.github.sqlitevec.hibernate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How one attribute of a {@link Vec0Table} entity is declared in the {@code vec0} table.
 *
 * <pre>{@code
 * @Vec0Column(distanceMetric = Vec0Column.DistanceMetric.COSINE) @JdbcTypeCode(SqlTypes.VECTOR) @Array(length = 384) float[] embedding;
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

    /** Distance a KNN query on this vector column orders by; ignored on other attributes. */
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

    /** vec0's {@code distance_metric} option. */
    enum DistanceMetric {
        L2, COSINE, L1
    }
}
