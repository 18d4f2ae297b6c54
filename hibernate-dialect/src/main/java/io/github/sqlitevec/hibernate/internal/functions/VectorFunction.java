package io.github.sqlitevec.hibernate.internal.functions;

import java.util.List;

import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.query.sqm.function.AbstractSqmSelfRenderingFunctionDescriptor;
import org.hibernate.query.sqm.produce.function.ArgumentsValidator;
import org.hibernate.query.sqm.produce.function.FunctionArgumentTypeResolver;
import org.hibernate.query.sqm.produce.function.FunctionReturnTypeResolver;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;

/** An HQL/Criteria function whose SQL is a {@link SqlTemplate} over sqlite-vec functions. Immutable. */
final class VectorFunction extends AbstractSqmSelfRenderingFunctionDescriptor {

    private final SqlTemplate template;

    VectorFunction(String name, ArgumentsValidator validator, FunctionReturnTypeResolver returnType,
                   FunctionArgumentTypeResolver argumentTypes, SqlTemplate template) {
        super(name, validator, returnType, argumentTypes);
        this.template = template;
    }

    @Override
    public void render(SqlAppender appender, List<? extends SqlAstNode> arguments, ReturnableType<?> returnType,
                       SqlAstTranslator<?> translator) {
        template.write(new VectorSqlWriter(appender, arguments, translator));
    }
}
