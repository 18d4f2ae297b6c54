package io.github.sqlitevec.hibernate.internal.functions;

import java.util.List;

import org.hibernate.metamodel.mapping.MappingModelExpressible;
import org.hibernate.query.sqm.SqmExpressible;
import org.hibernate.query.sqm.produce.function.ArgumentsValidator;
import org.hibernate.query.sqm.produce.function.FunctionArgumentException;
import org.hibernate.query.sqm.produce.function.internal.AbstractFunctionArgumentTypeResolver;
import org.hibernate.query.sqm.sql.SqmToSqlAstConverter;
import org.hibernate.query.sqm.tree.SqmTypedNode;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.type.BasicType;
import org.hibernate.type.BindingContext;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.StandardBasicTypes;

/**
 * Which arguments of a vector function are vectors: checks their types in HQL/Criteria, and gives an
 * untyped argument (a parameter such as {@code :q}) the type of the vector it is compared with, so that
 * {@code cosine_distance(i.embedding, :q)} binds {@code :q} exactly like the column. Immutable.
 */
final class VectorArguments implements ArgumentsValidator, AbstractFunctionArgumentTypeResolver {

    private final int[] vectorPositions;

    VectorArguments(int... vectorPositions) {
        this.vectorPositions = vectorPositions;
    }

    @Override
    public void validate(List<? extends SqmTypedNode<?>> arguments, String functionName, BindingContext bindingContext) {
        for (int position : vectorPositions) {
            if (position >= arguments.size()) {
                continue;
            }
            SqmExpressible<?> expressible = arguments.get(position).getExpressible();
            var type = expressible == null ? null : expressible.getSqmType();
            if (type != null && !isVector(type)) {
                throw new FunctionArgumentException("argument " + (position + 1) + " of " + functionName
                        + "() must be a vector (an attribute mapped with @JdbcTypeCode(SqlTypes.VECTOR...) or a float[]/byte[] parameter), but it is of type '"
                        + type.getTypeName() + "'");
            }
        }
    }

    @Override
    public MappingModelExpressible<?> resolveFunctionArgumentType(List<? extends SqmTypedNode<?>> arguments,
                                                                  int argumentIndex, SqmToSqlAstConverter converter) {
        if (!isVectorPosition(argumentIndex)) {
            return converter.getCreationContext().getTypeConfiguration().getBasicTypeRegistry()
                    .resolve(StandardBasicTypes.INTEGER);
        }
        for (int position : vectorPositions) {
            if (position != argumentIndex && position < arguments.size()
                    && arguments.get(position) instanceof SqmExpression<?> other) {
                MappingModelExpressible<?> mapping = converter.determineValueMapping(other);
                if (mapping != null) {
                    return mapping;
                }
            }
        }
        return converter.getCreationContext().getTypeConfiguration().getBasicTypeRegistry()
                .resolve(StandardBasicTypes.VECTOR);
    }

    private boolean isVectorPosition(int index) {
        for (int position : vectorPositions) {
            if (position == index) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVector(Object type) {
        if (!(type instanceof BasicType<?> basic)) {
            return false;
        }
        // Criteria parameters such as cb.parameter(float[].class) carry the Java array type until inferred.
        Class<?> javaType = basic.getJavaType();
        if (javaType == float[].class || javaType == byte[].class || javaType == double[].class) {
            return true;
        }
        return switch (basic.getJdbcType().getDefaultSqlTypeCode()) {
            case SqlTypes.VECTOR, SqlTypes.VECTOR_FLOAT32, SqlTypes.VECTOR_INT8, SqlTypes.VECTOR_BINARY,
                 SqlTypes.VECTOR_FLOAT16, SqlTypes.VECTOR_FLOAT64 -> true;
            // byte[] parameters (int8/bit query vectors) arrive typed as VARBINARY before inference.
            case SqlTypes.VARBINARY, SqlTypes.LONGVARBINARY, SqlTypes.BINARY, SqlTypes.BLOB -> true;
            default -> false;
        };
    }
}
