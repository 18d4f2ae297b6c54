package io.github.sqlitevec.hibernate.internal.dialect;

import io.github.sqlitevec.hibernate.internal.functions.KnnFunction;
import org.hibernate.HibernateException;
import org.hibernate.community.dialect.SQLiteSqlAstTranslator;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.predicate.BooleanExpressionPredicate;
import org.hibernate.sql.ast.tree.predicate.NegatedPredicate;
import org.hibernate.sql.exec.spi.JdbcOperation;

/**
 * The community SQLite translator, except that a {@code knn()} predicate is written bare, as
 * {@code (e.embedding match ? and e.k = ?)}: vec0 only sees a KNN constraint that stands directly in
 * the WHERE clause, and the standard rendering {@code knn(...) = 1} would hide it.
 */
public final class SqliteVecSqlAstTranslator<T extends JdbcOperation> extends SQLiteSqlAstTranslator<T>
        implements KnnFunction.KnnPredicateRendering {

    /** Greater than 0 while writing the inside of a NOT: a knn() there has no vec0 plan. */
    private int negationDepth;

    public SqliteVecSqlAstTranslator(SessionFactoryImplementor sessionFactory, Statement statement) {
        super(sessionFactory, statement);
    }

    @Override
    public void visitBooleanExpressionPredicate(BooleanExpressionPredicate predicate) {
        if (!KnnFunction.KnnPredicateRendering.isKnn(predicate.getExpression())) {
            super.visitBooleanExpressionPredicate(predicate);
            return;
        }
        if (predicate.isNegated() || negationDepth > 0) {
            throw negatedKnn();
        }
        // The function writes its own parentheses; only the '= 1' has to go.
        predicate.getExpression().accept(this);
    }

    @Override
    public boolean insideNegation() {
        return negationDepth > 0;
    }

    @Override
    public void visitNegatedPredicate(NegatedPredicate negated) {
        negationDepth++;
        try {
            super.visitNegatedPredicate(negated);
        } finally {
            negationDepth--;
        }
    }

    private static HibernateException negatedKnn() {
        return new HibernateException("knn() cannot be negated: a vec0 KNN query returns the k nearest rows, and 'not knn(...)' "
                + "has no vec0 plan; filter on metadata columns instead");
    }
}
