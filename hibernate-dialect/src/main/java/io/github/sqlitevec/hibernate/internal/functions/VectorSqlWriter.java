package io.github.sqlitevec.hibernate.internal.functions;

import java.util.List;

import io.github.sqlitevec.hibernate.internal.types.SqliteVecJdbcType;
import io.github.sqlitevec.hibernate.internal.types.VectorKind;
import org.hibernate.metamodel.mapping.JdbcMappingContainer;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.Expression;

/**
 * Writes one function call: plain SQL text, arguments as they are, and vector arguments tagged for
 * sqlite-vec ({@code vec_int8(x)} / {@code vec_bit(x)}; float32 blobs need no tag). An argument may be
 * written more than once (a parameter is then bound once per occurrence).
 */
final class VectorSqlWriter {

    private final SqlAppender appender;
    private final List<? extends SqlAstNode> arguments;
    private final SqlAstTranslator<?> translator;

    VectorSqlWriter(SqlAppender appender, List<? extends SqlAstNode> arguments, SqlAstTranslator<?> translator) {
        this.appender = appender;
        this.arguments = arguments;
        this.translator = translator;
    }

    VectorSqlWriter sql(String text) {
        appender.appendSql(text);
        return this;
    }

    /** The argument exactly as Hibernate renders it. */
    VectorSqlWriter raw(int position) {
        arguments.get(position).accept(translator);
        return this;
    }

    /** The argument as a vector sqlite-vec reads with the right element type. */
    VectorSqlWriter vector(int position) {
        String tag = kindOf(position).tagFunction();
        if (tag.isEmpty()) {
            return raw(position);
        }
        return sql(tag).sql("(").raw(position).sql(")");
    }

    /** A zero vector with the element type and dimensions of the argument: the origin for norms. */
    VectorSqlWriter zeroLike(int position) {
        String tag = kindOf(position).tagFunction();
        sql(tag).sql("(zeroblob(length(").raw(position).sql(")))");
        return this;
    }

    VectorKind kindOf(int position) {
        if (arguments.get(position) instanceof Expression expression) {
            JdbcMappingContainer type = expression.getExpressionType();
            if (type != null && type.getJdbcTypeCount() == 1
                    && type.getSingleJdbcMapping().getJdbcType() instanceof SqliteVecJdbcType vectorType) {
                return vectorType.kind();
            }
        }
        return VectorKind.FLOAT32;
    }

    SqlAstNode argument(int position) {
        return arguments.get(position);
    }

    SqlAstTranslator<?> translator() {
        return translator;
    }
}
