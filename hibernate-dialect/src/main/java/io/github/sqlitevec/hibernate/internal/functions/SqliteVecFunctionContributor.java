package io.github.sqlitevec.hibernate.internal.functions;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.query.sqm.function.SqmFunctionRegistry;
import org.hibernate.query.sqm.produce.function.ArgumentsValidator;
import org.hibernate.query.sqm.produce.function.FunctionReturnTypeResolver;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.type.BasicType;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Registers, for any {@link SQLiteDialect}, every function name hibernate-vector 7.4 registers for some
 * database, rendered with sqlite-vec, plus sqlite-vec's own functions under their own names and the
 * {@code knn()} predicate for {@code vec0} tables.
 *
 * <p>Where sqlite-vec has no function, the SQL is composed from the ones it has, never a Java UDF:
 * <ul>
 *   <li>norm: {@code vec_distance_l2(v, 0)}, with the zero vector {@code zeroblob(length(v))};</li>
 *   <li>inner product: {@code (1 − cosine distance) · |a| · |b|}, 0 for a zero vector;</li>
 *   <li>Jaccard distance of bit vectors: {@code 2h / (|a| + |b| + h)} from Hamming distances
 *       ({@code h = hamming(a,b)}, {@code |a| = hamming(a,0)}), which is exact;</li>
 *   <li>squared L2 distance: {@code pow(vec_distance_l2(a,b), 2)}.</li>
 * </ul>
 * The precision each composition reaches is measured against a double-precision oracle in the tests
 * and written down in docs/hibernate.md.
 */
public final class SqliteVecFunctionContributor implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        if (contributions.getDialect() instanceof PostgreSQLDialect) {
            // Only so that a knn() query fails with a message saying what to write instead (see KnnFunction).
            contributions.getFunctionRegistry().register(KnnFunction.NAME, new KnnFunction(
                    contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN)));
            return;
        }
        if (!(contributions.getDialect() instanceof SQLiteDialect)) {
            return;
        }
        new Registrations(contributions.getFunctionRegistry(), contributions.getTypeConfiguration()).all();
    }

    @Override
    public int ordinal() {
        // After the dialect's own functions (ordinal 0 contributions), like hibernate-vector's contributors.
        return 200;
    }

    /** One registration run; holds the registry and the resolved result types. */
    private static final class Registrations {
        private static final VectorArguments ONE_VECTOR = new VectorArguments(0);
        private static final VectorArguments TWO_VECTORS = new VectorArguments(0, 1);

        private final SqmFunctionRegistry registry;
        private final TypeConfiguration types;

        Registrations(SqmFunctionRegistry registry, TypeConfiguration types) {
            this.registry = registry;
            this.types = types;
        }

        void all() {
            portableDistances();
            portableVectorFunctions();
            sqliteVecFunctions();
            registry.register(KnnFunction.NAME, new KnnFunction(type(StandardBasicTypes.BOOLEAN)));
        }

        /** Names and meaning as in hibernate-vector (pgvector semantics where databases differ). */
        private void portableDistances() {
            distance("cosine_distance", sql -> sql.sql("vec_distance_cosine(").vector(0).sql(", ").vector(1).sql(")"));
            distance("cosine_similarity", sql -> sql.sql("(1 - vec_distance_cosine(").vector(0).sql(", ").vector(1).sql("))"));
            distance("euclidean_distance", sql -> sql.sql("vec_distance_l2(").vector(0).sql(", ").vector(1).sql(")"));
            registry.registerAlternateKey("l2_distance", "euclidean_distance");
            distance("euclidean_squared_distance",
                    sql -> sql.sql("pow(vec_distance_l2(").vector(0).sql(", ").vector(1).sql("), 2)"));
            registry.registerAlternateKey("l2_squared_distance", "euclidean_squared_distance");
            distance("l1_distance", sql -> sql.sql("vec_distance_l1(").vector(0).sql(", ").vector(1).sql(")"));
            registry.registerAlternateKey("taxicab_distance", "l1_distance");
            distance("hamming_distance", sql -> sql.sql("vec_distance_hamming(").vector(0).sql(", ").vector(1).sql(")"));
            distance("jaccard_distance", Registrations::jaccardDistance);
            distance("inner_product", sql -> innerProduct(sql, false));
            distance("negative_inner_product", sql -> innerProduct(sql, true));
        }

        private void portableVectorFunctions() {
            function("vector_dims", 1, ONE_VECTOR, invariant(StandardBasicTypes.INTEGER),
                    sql -> sql.sql("vec_length(").vector(0).sql(")"));
            registry.registerAlternateKey("vector_dim", "vector_dims");
            registry.registerAlternateKey("vector_dimension_count", "vector_dims");
            function("vector_norm", 1, ONE_VECTOR, invariant(StandardBasicTypes.DOUBLE),
                    sql -> sql.sql("vec_distance_l2(").vector(0).sql(", ").zeroLike(0).sql(")"));
            registry.registerAlternateKey("l2_norm", "vector_norm");
            registry.registerAlternateKey("l2norm", "vector_norm");
            function("l2_normalize", 1, ONE_VECTOR, StandardFunctionReturnTypeResolvers.useArgType(1),
                    sql -> sql.sql("vec_normalize(").vector(0).sql(")"));
            registry.registerAlternateKey("l2normalize", "l2_normalize");
            // subvector(v, start, count) is 1-based like pgvector; vec_slice(v, from, to) is 0-based, end-exclusive.
            function("subvector", 3, ONE_VECTOR, StandardFunctionReturnTypeResolvers.useArgType(1),
                    sql -> sql.sql("vec_slice(").vector(0).sql(", (").raw(1).sql(") - 1, (").raw(1).sql(") - 1 + (")
                            .raw(2).sql("))"));
            function("binary_quantize", 1, ONE_VECTOR, invariant(StandardBasicTypes.VECTOR_BINARY),
                    sql -> sql.sql("vec_quantize_binary(").vector(0).sql(")"));
        }

        /** sqlite-vec's own functions, under their own names, with int8/bit arguments tagged automatically. */
        private void sqliteVecFunctions() {
            for (String name : new String[] {"vec_distance_l2", "vec_distance_l1", "vec_distance_cosine", "vec_distance_hamming"}) {
                distance(name, sql -> sql.sql(name).sql("(").vector(0).sql(", ").vector(1).sql(")"));
            }
            function("vec_length", 1, ONE_VECTOR, invariant(StandardBasicTypes.INTEGER),
                    sql -> sql.sql("vec_length(").vector(0).sql(")"));
            function("vec_normalize", 1, ONE_VECTOR, StandardFunctionReturnTypeResolvers.useArgType(1),
                    sql -> sql.sql("vec_normalize(").vector(0).sql(")"));
            function("vec_slice", 3, ONE_VECTOR, StandardFunctionReturnTypeResolvers.useArgType(1),
                    sql -> sql.sql("vec_slice(").vector(0).sql(", ").raw(1).sql(", ").raw(2).sql(")"));
            for (String name : new String[] {"vec_add", "vec_sub"}) {
                function(name, 2, TWO_VECTORS, StandardFunctionReturnTypeResolvers.useArgType(1),
                        sql -> sql.sql(name).sql("(").vector(0).sql(", ").vector(1).sql(")"));
            }
            function("vec_quantize_binary", 1, ONE_VECTOR, invariant(StandardBasicTypes.VECTOR_BINARY),
                    sql -> sql.sql("vec_quantize_binary(").vector(0).sql(")"));
            function("vec_quantize_int8", 2, ONE_VECTOR, invariant(StandardBasicTypes.VECTOR_INT8),
                    sql -> sql.sql("vec_quantize_int8(").vector(0).sql(", ").raw(1).sql(")"));
            function("vec_to_json", 1, ONE_VECTOR, invariant(StandardBasicTypes.STRING),
                    sql -> sql.sql("vec_to_json(").vector(0).sql(")"));
            function("vec_type", 1, ONE_VECTOR, invariant(StandardBasicTypes.STRING),
                    sql -> sql.sql("vec_type(").vector(0).sql(")"));
            // The constructors take raw input (a blob or JSON text) and tag it themselves.
            function("vec_f32", 1, StandardArgumentsValidators.NONE, invariant(StandardBasicTypes.VECTOR),
                    sql -> sql.sql("vec_f32(").raw(0).sql(")"));
            function("vec_int8", 1, StandardArgumentsValidators.NONE, invariant(StandardBasicTypes.VECTOR_INT8),
                    sql -> sql.sql("vec_int8(").raw(0).sql(")"));
            function("vec_bit", 1, StandardArgumentsValidators.NONE, invariant(StandardBasicTypes.VECTOR_BINARY),
                    sql -> sql.sql("vec_bit(").raw(0).sql(")"));
            registry.namedDescriptorBuilder("vec_version")
                    .setExactArgumentCount(0)
                    .setInvariantType(type(StandardBasicTypes.STRING))
                    .register();
        }

        /** 1 − |a∧b| / |a∨b| = 2h / (|a| + |b| + h) with h the Hamming distance and |x| the popcount. */
        private static void jaccardDistance(VectorSqlWriter sql) {
            sql.sql("(2.0 * vec_distance_hamming(").vector(0).sql(", ").vector(1).sql(") / (")
                    .sql("vec_distance_hamming(").vector(0).sql(", ").zeroLike(0).sql(") + ")
                    .sql("vec_distance_hamming(").vector(1).sql(", ").zeroLike(1).sql(") + ")
                    .sql("vec_distance_hamming(").vector(0).sql(", ").vector(1).sql(")))");
        }

        /**
         * a·b = (1 − cosine_distance(a, b)) · |a| · |b|, and 0 when either vector is zero (no cosine).
         *
         * <p>Why not (|a|² + |b|² − |a−b|²) / 2: each of those float32 terms carries an error of the order of
         * |a|² or |b|², so for vectors of very different norms the result was off by ~1e-3 of |a|·|b| where
         * pgvector's {@code <#>} is within 1e-7 (InnerProductOnBothDatabasesTest). The cosine kernel's error
         * is of the order of |a|·|b|, like pgvector's. Cost: the norms are computed twice (for the zero test),
         * five kernel passes per row instead of three.
         */
        private static void innerProduct(VectorSqlWriter sql, boolean negated) {
            sql.sql(negated ? "(-" : "(").sql("(case when ");
            norm(sql, 0).sql(" = 0 or ");
            norm(sql, 1).sql(" = 0 then 0.0 else (1 - vec_distance_cosine(").vector(0).sql(", ").vector(1).sql(")) * ");
            norm(sql, 0).sql(" * ");
            norm(sql, 1).sql(" end))");
        }

        private static VectorSqlWriter norm(VectorSqlWriter sql, int position) {
            return sql.sql("vec_distance_l2(").vector(position).sql(", ").zeroLike(position).sql(")");
        }

        private void distance(String name, SqlTemplate template) {
            function(name, 2, TWO_VECTORS, invariant(StandardBasicTypes.DOUBLE), template);
        }

        private void function(String name, int arguments, ArgumentsValidator typeCheck,
                              FunctionReturnTypeResolver returnType, SqlTemplate template) {
            ArgumentsValidator validator = StandardArgumentsValidators.composite(
                    StandardArgumentsValidators.exactly(arguments), typeCheck);
            VectorArguments argumentTypes = typeCheck instanceof VectorArguments vectors ? vectors : ONE_VECTOR;
            registry.register(name, new VectorFunction(name, validator, returnType, argumentTypes, template));
        }

        private FunctionReturnTypeResolver invariant(BasicTypeReference<?> reference) {
            return StandardFunctionReturnTypeResolvers.invariant(type(reference));
        }

        private <T> BasicType<T> type(BasicTypeReference<T> reference) {
            return types.getBasicTypeRegistry().resolve(reference);
        }
    }
}
