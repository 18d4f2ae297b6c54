package io.github.sqlitevec.hibernate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps an entity onto a sqlite-vec {@code vec0} virtual table, so {@code knn()} queries use vec0's KNN scan.
 * With schema generation on, {@link SqliteVecDialect} creates the table as
 * <pre>{@code
 * create virtual table docs_vec using vec0(id integer primary key, embedding float[384], lang text)
 * }</pre>
 * instead of {@code create table}. The {@code @Id} becomes vec0's primary key (an integer or text column),
 * vector attributes become vector columns ({@code float[N]}, {@code int8[N]}, {@code bit[N]} from
 * {@code @Array(length = N)}), and other attributes become metadata columns unless {@link Vec0Column}
 * says otherwise. An attribute on the column {@code distance} (e.g.
 * {@code @Column(name = "distance", insertable = false, updatable = false) Double distance}) reads vec0's
 * hidden distance column of a KNN query and is left out of the DDL.
 *
 * <pre>{@code
 * @Entity @Vec0Table @Table(name = "docs_vec")
 * public class DocVector {
 *     @Id Long id;
 *     @JdbcTypeCode(SqlTypes.VECTOR) @Array(length = 384) float[] embedding;
 *     String lang;
 *     @Column(name = "distance", insertable = false, updatable = false) Double distance;
 * }
 * }</pre>
 * Other dialects ignore the annotation; the entity then maps an ordinary table.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Vec0Table {
}
