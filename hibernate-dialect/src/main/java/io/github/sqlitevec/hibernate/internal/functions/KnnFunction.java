package io.github.sqlitevec.hibernate.internal.functions;

import java.util.List;

import org.hibernate.HibernateException;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.query.sqm.function.AbstractSqmSelfRenderingFunctionDescriptor;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.ColumnReference;
import org.hibernate.type.BasicType;

/**
 * {@code knn(e.embedding, :q, :k)}: the {@code vec0} KNN constraint
 * {@code (e.embedding match ? and e.k = ?)}, usable as a predicate in HQL and Criteria.
 *
 * <p>sqlite-vec only plans a KNN scan when {@code MATCH} and {@code k = ?} stand directly in the WHERE
 * clause. Hibernate writes a boolean function used as a predicate as {@code f(...) = 1}, which hides them,
 * so {@link KnnPredicateRendering#isKnn} lets {@code SqliteVecDialect}'s SQL translator write the call bare.
 * Under any other dialect the function refuses to render instead of producing SQL that sqlite-vec rejects;
 * on PostgreSQL (where it is registered only for this) the message names the portable ORDER BY form.
 */
public final class KnnFunction extends AbstractSqmSelfRenderingFunctionDescriptor {

    public static final String NAME = "knn";

    private static final VectorArguments ARGUMENTS = new VectorArguments(0, 1);

    KnnFunction(BasicType<Boolean> booleanType) {
        super(NAME, StandardArgumentsValidators.composite(StandardArgumentsValidators.exactly(3), ARGUMENTS),
                StandardFunctionReturnTypeResolvers.invariant(booleanType), ARGUMENTS);
    }

    @Override
    public void render(SqlAppender appender, List<? extends SqlAstNode> arguments, ReturnableType<?> returnType,
                       SqlAstTranslator<?> translator) {
        if (translator.getSessionFactory().getJdbcServices().getDialect() instanceof PostgreSQLDialect) {
            throw new HibernateException("knn() is sqlite-vec's vec0 KNN and has no PostgreSQL form (a predicate cannot add the "
                    + "'order by ... limit k' that pgvector's index needs); to run on both databases, order by the distance of the "
                    + "column's metric instead, e.g. 'from DocumentVector v where v.tenant = 7 order by cosine_distance(v.embedding, :q)' "
                    + "with setMaxResults(k): on PostgreSQL the HNSW index created for @Vec0Table entities serves it, on SQLite it is an exact scan");
        }
        if (!(translator instanceof KnnPredicateRendering)) {
            throw new HibernateException("knn() needs the SQL translator of io.github.sqlitevec.hibernate.SqliteVecDialect, but the dialect is "
                    + translator.getSessionFactory().getJdbcServices().getDialect().getClass().getName()
                    + "; remove the hibernate.dialect setting (jdbc:sqlitevec: connections resolve SqliteVecDialect) or set it to io.github.sqlitevec.hibernate.SqliteVecDialect");
        }
        ColumnReference column = arguments.get(0) instanceof org.hibernate.sql.ast.tree.expression.Expression expression
                ? expression.getColumnReference() : null;
        if (column == null) {
            throw new HibernateException("the first argument of knn() must be the vector attribute of an entity mapped onto a vec0 table (@Vec0Table)");
        }
        if (((KnnPredicateRendering) translator).insideNegation()) {
            throw new HibernateException("knn() cannot be negated: a vec0 KNN query returns the k nearest rows, and 'not knn(...)' "
                    + "has no vec0 plan; filter on metadata columns instead");
        }
        VectorSqlWriter sql = new VectorSqlWriter(appender, arguments, translator);
        sql.sql("(");
        // The column stays bare (MATCH needs the vec0 column itself); the query vector gets its tag.
        column.appendReadExpression(appender);
        sql.sql(" match ").vector(1).sql(" and ");
        if (column.getQualifier() != null) {
            sql.sql(column.getQualifier()).sql(".");
        }
        sql.sql("k = ").raw(2).sql(")");
    }

    /** Marker for SQL translators that write a {@code knn()} predicate without {@code = 1}. */
    public interface KnnPredicateRendering {
        /** True while the translator writes the operand of a NOT. */
        boolean insideNegation();

        static boolean isKnn(Object expression) {
            return expression instanceof org.hibernate.query.sqm.function.SelfRenderingFunctionSqlAstExpression<?> call
                    && call.getFunctionRenderer() instanceof KnnFunction;
        }
    }
}
