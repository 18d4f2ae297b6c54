package io.github.sqlitevec.hibernate.internal.schema;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.github.sqlitevec.hibernate.Vec0Column;
import io.github.sqlitevec.hibernate.Vec0Table;
import io.github.sqlitevec.hibernate.internal.types.VectorKind;
import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.ScalarType;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;

/**
 * A {@link Vec0Table} entity as the shared {@code vec0} model of the driver
 * ({@code io.github.sqlitevec.jdbc.schema.Vec0Table}): the {@code @Id} becomes the primary key, vector
 * attributes vector columns, other attributes metadata, partition-key or auxiliary columns. The model
 * checks sqlite-vec's rules while it is built; its messages are prefixed with the entity attribute.
 */
public final class Vec0EntityModel {

    /** vec0's hidden columns: readable in a KNN query on SQLite, never declared. */
    public static final Set<String> HIDDEN_COLUMNS = Set.of("distance", "k");

    private Vec0EntityModel() {
    }

    /** The {@link Vec0Table} entity mapped onto {@code table}, or null. */
    public static PersistentClass vec0EntityOf(Table table, Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getTable() == table && isVec0(entity)) {
                return entity;
            }
        }
        return null;
    }

    public static boolean isVec0(PersistentClass entity) {
        Class<?> type = entity.getMappedClass();
        return type != null && type.isAnnotationPresent(Vec0Table.class);
    }

    /**
     * The model of {@code entity}'s table. {@code names} turns Hibernate's column and table names into the
     * names the target database sees (identity for SQLite; lower case for PostgreSQL's unquoted names).
     */
    public static io.github.sqlitevec.jdbc.schema.Vec0Table of(PersistentClass entity, Metadata metadata,
                                                              String tableName, UnaryOperator<String> names) {
        io.github.sqlitevec.jdbc.schema.Vec0Table model = build(entity.getEntityName(),
                () -> io.github.sqlitevec.jdbc.schema.Vec0Table.named(names.apply(tableName)));
        Property id = entity.getIdentifierProperty();
        if (id == null || id.getColumnSpan() != 1) {
            throw new HibernateException(entity.getEntityName()
                    + " is a @Vec0Table entity but has no single-column @Id; vec0 needs one integer or text primary key column");
        }
        String idColumn = names.apply(((Column) id.getSelectables().get(0)).getName());
        ScalarType idType = scalarType(entity, id);
        io.github.sqlitevec.jdbc.schema.Vec0Table withKey = model;
        model = build(where(entity, id), () -> withKey.primaryKey(idColumn, idType));
        for (Property property : entity.getProperties()) {
            model = withColumn(model, entity, property, metadata, names);
        }
        io.github.sqlitevec.jdbc.schema.Vec0Table complete = model;
        return build(entity.getEntityName(), complete::requireComplete);
    }

    private static io.github.sqlitevec.jdbc.schema.Vec0Table withColumn(io.github.sqlitevec.jdbc.schema.Vec0Table model,
            PersistentClass entity, Property property, Metadata metadata, UnaryOperator<String> names) {
        if (property.getColumnSpan() != 1 || !(property.getSelectables().get(0) instanceof Column column)) {
            throw new HibernateException(where(entity, property)
                    + " does not map to one column; a @Vec0Table entity can only have single-column attributes");
        }
        if (HIDDEN_COLUMNS.contains(column.getName().toLowerCase(Locale.ROOT))) {
            return model;
        }
        String name = names.apply(column.getName());
        Vec0Column options = annotation(entity.getMappedClass(), property.getName());
        VectorKind kind = VectorKind.forSqlTypeCode(column.getSqlTypeCode(metadata));
        if (kind != null) {
            Integer dimensions = column.getArrayLength();
            if (dimensions == null) {
                throw new HibernateException(where(entity, property) + " is a vec0 vector column without dimensions; add @Array(length = N)");
            }
            DistanceMetric metric = options == null ? null : options.distanceMetric();
            // The annotation's default (L2) means "vec0's default": Hamming for bit vectors.
            DistanceMetric effective = kind == VectorKind.BIT && metric == DistanceMetric.L2 ? null : metric;
            return build(where(entity, property), () -> model.vector(name, kind.elementType(), dimensions, effective));
        }
        Vec0Column.Role role = options == null ? Vec0Column.Role.METADATA : options.role();
        ScalarType type = scalarType(entity, property);
        return build(where(entity, property), () -> switch (role) {
            case METADATA -> model.metadata(name, type);
            case PARTITION_KEY -> model.partitionKey(name, type);
            case AUXILIARY -> model.auxiliary(name, type);
        });
    }

    /** The vec0 scalar type of an attribute's Java type. */
    private static ScalarType scalarType(PersistentClass entity, Property property) {
        Class<?> type = property.getType().getReturnedClass();
        if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class
                || type == long.class || type == int.class || type == short.class || type == byte.class) {
            return ScalarType.INTEGER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return ScalarType.BOOLEAN;
        }
        if (type == Double.class || type == Float.class || type == double.class || type == float.class) {
            return ScalarType.FLOAT;
        }
        if (type == String.class) {
            return ScalarType.TEXT;
        }
        if (type == byte[].class) {
            return ScalarType.BLOB;
        }
        throw new HibernateException(where(entity, property) + " has type " + type.getName()
                + ", which a vec0 column cannot hold; use integer, floating-point, boolean, String or byte[] attributes");
    }

    private static io.github.sqlitevec.jdbc.schema.Vec0Table build(String where,
            java.util.function.Supplier<io.github.sqlitevec.jdbc.schema.Vec0Table> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new HibernateException(where + ": " + e.getMessage(), e);
        }
    }

    private static String where(PersistentClass entity, Property property) {
        return entity.getEntityName() + "." + property.getName();
    }

    private static Vec0Column annotation(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(attribute);
                return field.getAnnotation(Vec0Column.class);
            } catch (NoSuchFieldException e) {
                // Attribute declared further up, or property access: look at the getter.
            }
            String getter = "get" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
            try {
                return c.getDeclaredMethod(getter).getAnnotation(Vec0Column.class);
            } catch (NoSuchMethodException e) {
                // Keep climbing.
            }
        }
        return null;
    }
}
