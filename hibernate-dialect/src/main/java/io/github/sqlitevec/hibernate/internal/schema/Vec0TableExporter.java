package io.github.sqlitevec.hibernate.internal.schema;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.sqlitevec.hibernate.Vec0Column;
import io.github.sqlitevec.hibernate.Vec0Table;
import io.github.sqlitevec.hibernate.internal.types.VectorKind;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.internal.StandardTableExporter;

/**
 * Writes {@code create virtual table … using vec0(…)} for the table of a {@link Vec0Table} entity and
 * the standard {@code create table} for every other table. {@code drop table} works for both.
 */
public final class Vec0TableExporter extends StandardTableExporter {

    /** vec0's hidden columns: readable from a KNN query, never declared. */
    private static final Set<String> HIDDEN_COLUMNS = Set.of("distance", "k");

    public Vec0TableExporter(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String[] getSqlCreateStrings(Table table, Metadata metadata, SqlStringGenerationContext context) {
        PersistentClass entity = vec0EntityOf(table, metadata);
        if (entity == null) {
            return super.getSqlCreateStrings(table, metadata, context);
        }
        List<String> columns = new ArrayList<>();
        columns.add(primaryKey(entity));
        for (Property property : entity.getProperties()) {
            String definition = columnDefinition(entity, property, metadata);
            if (definition != null) {
                columns.add(definition);
            }
        }
        return new String[] {"create virtual table " + context.format(table.getQualifiedTableName())
                + " using vec0(" + String.join(", ", columns) + ")"};
    }

    private static PersistentClass vec0EntityOf(Table table, Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> type = entity.getMappedClass();
            if (entity.getTable() == table && type != null && type.isAnnotationPresent(Vec0Table.class)) {
                return entity;
            }
        }
        return null;
    }

    private String primaryKey(PersistentClass entity) {
        Property id = entity.getIdentifierProperty();
        if (id == null || id.getColumnSpan() != 1) {
            throw new HibernateException(entity.getEntityName()
                    + " is a @Vec0Table entity but has no single-column @Id; vec0 needs one integer or text primary key column");
        }
        Column column = (Column) id.getSelectables().get(0);
        return column.getQuotedName(dialect) + " " + scalarType(entity, id) + " primary key";
    }

    private String columnDefinition(PersistentClass entity, Property property, Metadata metadata) {
        if (property.getColumnSpan() != 1 || !(property.getSelectables().get(0) instanceof Column column)) {
            throw new HibernateException(entity.getEntityName() + "." + property.getName()
                    + " does not map to one column; a @Vec0Table entity can only have single-column attributes");
        }
        if (HIDDEN_COLUMNS.contains(column.getName().toLowerCase(Locale.ROOT))) {
            return null;
        }
        String name = column.getQuotedName(dialect);
        Vec0Column options = annotation(entity.getMappedClass(), property.getName());
        VectorKind kind = VectorKind.forSqlTypeCode(column.getSqlTypeCode(metadata));
        if (kind != null) {
            Integer dimensions = column.getArrayLength();
            if (dimensions == null) {
                throw new HibernateException(entity.getEntityName() + "." + property.getName()
                        + " is a vec0 vector column without dimensions; add @Array(length = N)");
            }
            String metric = options == null || options.distanceMetric() == Vec0Column.DistanceMetric.L2
                    ? "" : " distance_metric=" + options.distanceMetric().name().toLowerCase(Locale.ROOT);
            return name + " " + kind.vec0ElementType() + "[" + dimensions + "]" + metric;
        }
        Vec0Column.Role role = options == null ? Vec0Column.Role.METADATA : options.role();
        String type = scalarType(entity, property);
        return switch (role) {
            case METADATA -> name + " " + type;
            case PARTITION_KEY -> name + " " + type + " partition key";
            case AUXILIARY -> "+" + name + " " + type;
        };
    }

    /** vec0 column types for non-vector values: integer, float, text (and blob for auxiliary columns). */
    private static String scalarType(PersistentClass entity, Property property) {
        Class<?> type = property.getType().getReturnedClass();
        if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class
                || type == long.class || type == int.class || type == short.class || type == byte.class) {
            return "integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == Double.class || type == Float.class || type == double.class || type == float.class) {
            return "float";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == byte[].class) {
            return "blob";
        }
        throw new HibernateException(entity.getEntityName() + "." + property.getName() + " has type " + type.getName()
                + ", which a vec0 column cannot hold; use integer, floating-point, boolean, String or byte[] attributes");
    }

    private static Vec0Column annotation(Class<?> type, String attribute) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(attribute);
                return ((AnnotatedElement) field).getAnnotation(Vec0Column.class);
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
