package io.github.sqlitevec.hibernate.internal.types;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.BasicArrayType;
import org.hibernate.type.BasicTypeReference;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.spi.TypeConfiguration;

/**
 * Maps Hibernate's vector type codes to sqlite-vec blobs whenever the dialect is a {@link SQLiteDialect}
 * (the community one, chosen by Hibernate or set by the user, or ours). Found through
 * {@code META-INF/services}, the same way hibernate-vector contributes its types for other databases.
 *
 * <p>{@code VECTOR_FLOAT64} gets a descriptor only so that Hibernate can finish reading the mapping;
 * {@code VectorMappingIntegrator} then rejects such attributes at boot with a message saying what to
 * map instead. {@code VECTOR_FLOAT16} and sparse vectors have no sqlite-vec storage and are not mapped.
 */
public final class SqliteVecTypeContributor implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        Dialect dialect = serviceRegistry.requireService(JdbcServices.class).getDialect();
        if (!(dialect instanceof SQLiteDialect)) {
            return;
        }
        TypeConfiguration types = contributions.getTypeConfiguration();
        register(types, dialect, StandardBasicTypes.VECTOR, VectorKind.FLOAT32, StandardBasicTypes.FLOAT,
                // A float[] parameter with no vector column next to it (vector_norm(:q), binary_quantize(:q))
                // is bound with the type registered for float[]: make that the float32 vector.
                float[].class.getTypeName());
        register(types, dialect, StandardBasicTypes.VECTOR_FLOAT32, VectorKind.FLOAT32, StandardBasicTypes.FLOAT);
        register(types, dialect, StandardBasicTypes.VECTOR_INT8, VectorKind.INT8, StandardBasicTypes.BYTE);
        register(types, dialect, StandardBasicTypes.VECTOR_BINARY, VectorKind.BIT, StandardBasicTypes.BYTE);
        register(types, dialect, StandardBasicTypes.VECTOR_FLOAT64, VectorKind.FLOAT32, StandardBasicTypes.DOUBLE);
    }

    private static <T, E> void register(TypeConfiguration types, Dialect dialect, BasicTypeReference<T> vectorType,
                                        VectorKind kind, BasicTypeReference<E> elementType, String... extraKeys) {
        int code = vectorType.getSqlTypeCode();
        var element = types.getBasicTypeRegistry().resolve(elementType);
        var jdbcType = new SqliteVecJdbcType(element.getJdbcType(), code, kind);
        types.getJdbcTypeRegistry().addDescriptor(code, jdbcType);
        types.getBasicTypeRegistry().register(
                new BasicArrayType<>(element, jdbcType, types.getJavaTypeRegistry().resolveDescriptor(vectorType.getJavaType())),
                concat(vectorType.getName(), extraKeys));
        types.getDdlTypeRegistry().addDescriptor(new VectorColumnDdlType(code, kind, dialect));
    }

    private static String[] concat(String first, String... rest) {
        String[] keys = new String[rest.length + 1];
        keys[0] = first;
        System.arraycopy(rest, 0, keys, 1, rest.length);
        return keys;
    }
}
