package io.github.sqlitevec.hibernate.internal.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.sqlitevec.hibernate.SqliteVecDialect;
import io.github.sqlitevec.hibernate.Vec0Table;
import io.github.sqlitevec.hibernate.VectorDimensionException;
import io.github.sqlitevec.hibernate.internal.schema.PostgresVec0Indexes;
import io.github.sqlitevec.hibernate.internal.schema.Vec0EntityModel;
import io.github.sqlitevec.hibernate.internal.types.VectorKind;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.type.SqlTypes;

/**
 * Checks vector mappings when a SQLite session factory starts, and installs the dimension check for writes.
 *
 * <ul>
 *   <li>{@code SqlTypes.VECTOR_FLOAT64} ({@code double[]}) is rejected: sqlite-vec stores float32 only, and
 *       silently narrowing every element would make {@code double[]} round trips lossy.</li>
 *   <li>int8 and bit columns of {@link Vec0Table} entities are written through {@code vec_int8(?)} / {@code vec_bit(?)}.</li>
 *   <li>A bit vector's {@code @Array(length)} counts bits and must be a multiple of 8.</li>
 *   <li>A {@link Vec0Table} entity under another SQLite dialect than {@link SqliteVecDialect} is logged: the
 *       table would be generated as an ordinary table and {@code knn()} would not render.</li>
 *   <li>On PostgreSQL, a {@link Vec0Table} entity gets its filter and HNSW indexes ({@link PostgresVec0Indexes}),
 *       or a boot error when it maps vec0's hidden {@code distance} column.</li>
 * </ul>
 */
public final class VectorMappingIntegrator implements Integrator {

    private static final System.Logger LOG = System.getLogger(VectorMappingIntegrator.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Dialect dialect = metadata.getDatabase().getDialect();
        if (dialect instanceof PostgreSQLDialect) {
            // Schema objects added here are still exported: Hibernate runs schema management after integrators.
            for (PersistentClass entity : metadata.getEntityBindings()) {
                if (Vec0EntityModel.isVec0(entity)) {
                    metadata.getDatabase().addAuxiliaryDatabaseObject(PostgresVec0Indexes.of(entity, metadata));
                }
            }
            return;
        }
        if (!(dialect instanceof SQLiteDialect)) {
            return;
        }
        Map<String, List<VectorColumnSpec>> specs = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            warnIfVec0WithoutOurDialect(entity, dialect);
            boolean vec0 = entity.getMappedClass() != null && entity.getMappedClass().isAnnotationPresent(Vec0Table.class);
            for (Property property : entity.getPropertyClosure()) {
                VectorColumnSpec spec = specFor(entity, property, metadata);
                if (spec != null) {
                    specs.computeIfAbsent(entity.getEntityName(), name -> new ArrayList<>()).add(spec);
                    if (vec0) {
                        tagWritesForVec0((Column) property.getSelectables().get(0), spec.kind());
                    }
                }
            }
        }
        if (!specs.isEmpty()) {
            VectorDimensionListener listener = new VectorDimensionListener(specs);
            EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
            listeners.appendListeners(EventType.PRE_INSERT, listener);
            listeners.appendListeners(EventType.PRE_UPDATE, listener);
        }
    }

    private static VectorColumnSpec specFor(PersistentClass entity, Property property, Metadata metadata) {
        if (property.getColumnSpan() != 1 || !(property.getSelectables().get(0) instanceof Column column)) {
            return null;
        }
        int code = column.getSqlTypeCode(metadata);
        String where = entity.getEntityName() + "." + property.getName();
        if (code == SqlTypes.VECTOR_FLOAT64) {
            throw new VectorDimensionException(where + " is mapped as SqlTypes.VECTOR_FLOAT64 (double[]), but sqlite-vec stores "
                    + "float32 vectors only; map it as float[] with @JdbcTypeCode(SqlTypes.VECTOR) or SqlTypes.VECTOR_FLOAT32");
        }
        VectorKind kind = VectorKind.forSqlTypeCode(code);
        Integer dimensions = column.getArrayLength();
        if (kind == null || dimensions == null) {
            return null;
        }
        if (kind == VectorKind.BIT && dimensions % 8 != 0) {
            throw new VectorDimensionException(where + " is a bit vector with @Array(length = " + dimensions
                    + "); sqlite-vec bit vectors have a multiple of 8 bits, stored as length/8 bytes");
        }
        String columnName = column.getValue().getTable().getName() + "." + column.getName();
        return new VectorColumnSpec(entity.getEntityName(), property.getName(), columnName, kind, dimensions);
    }

    /**
     * vec0 reads an untagged blob as float32, so int8 and bit values must be written through
     * vec_int8(?) / vec_bit(?). Only vec0 tables get this: in an ordinary table the blob is stored as is,
     * and vec_int8(NULL) would fail for a null vector. Integrators run before Hibernate builds its
     * persisters, so setting the column's write expression here is what {@code @ColumnTransformer} does.
     */
    private static void tagWritesForVec0(Column column, VectorKind kind) {
        if (!kind.tagFunction().isEmpty() && column.getCustomWrite() == null) {
            column.setCustomWrite(kind.tagFunction() + "(?)");
        }
    }

    private static void warnIfVec0WithoutOurDialect(PersistentClass entity, Dialect dialect) {
        Class<?> type = entity.getMappedClass();
        if (type != null && type.isAnnotationPresent(Vec0Table.class) && !(dialect instanceof SqliteVecDialect)) {
            LOG.log(System.Logger.Level.WARNING, "{0} is a @Vec0Table entity but the dialect is {1}: schema generation "
                    + "creates an ordinary table and knn() does not render; use io.github.sqlitevec.hibernate.SqliteVecDialect "
                    + "(the default for jdbc:sqlitevec: connections when hibernate.dialect is not set)",
                    entity.getEntityName(), dialect.getClass().getName());
        }
    }
}
