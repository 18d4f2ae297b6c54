package io.github.sqlitevec.hibernate.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.sqlitevec.jdbc.schema.PostgresSchema;
import io.github.sqlitevec.jdbc.schema.Vec0Table;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

/**
 * What a {@link io.github.sqlitevec.hibernate.Vec0Table} entity becomes on PostgreSQL: Hibernate creates
 * the ordinary table ({@code vector(n)} / {@code bit(n)} columns through hibernate-vector), and this
 * schema object adds what makes it a KNN index there, from the shared vec0 model
 * ({@link PostgresSchema}): a B-tree index per metadata and partition-key column, and an HNSW index per
 * vector column with the operator class of its metric ({@code vector_l2_ops}, {@code vector_cosine_ops},
 * {@code vector_l1_ops}, {@code bit_hamming_ops}). {@code order by cosine_distance(v.embedding, :q)} with
 * {@code setMaxResults(k)} then renders {@code order by embedding <=> ? limit ?}, which that index serves.
 */
public final class PostgresVec0Indexes implements AuxiliaryDatabaseObject {

    private final String entityName;
    private final List<String> create;
    private final List<String> drop;

    private PostgresVec0Indexes(String entityName, List<String> create, List<String> drop) {
        this.entityName = entityName;
        this.create = create;
        this.drop = drop;
    }

    /**
     * The indexes of {@code entity}; throws at boot when the entity maps vec0's hidden {@code distance}
     * or {@code k} column, which has no PostgreSQL counterpart (it would be an always-NULL column, and
     * {@code order by v.distance} would silently not order).
     */
    public static PostgresVec0Indexes of(PersistentClass entity, Metadata metadata) {
        for (Property property : entity.getProperties()) {
            if (property.getColumnSpan() == 1 && property.getSelectables().get(0) instanceof Column column
                    && Vec0EntityModel.HIDDEN_COLUMNS.contains(column.getName().toLowerCase(Locale.ROOT))) {
                throw new HibernateException(entity.getEntityName() + "." + property.getName() + " maps vec0's hidden '"
                        + column.getName() + "' column, which only a sqlite-vec KNN query fills; PostgreSQL has no such column. "
                        + "To run this entity on both databases, remove the attribute and select the distance instead: "
                        + "'select v, cosine_distance(v.embedding, :q) from " + entity.getEntityName()
                        + " v order by cosine_distance(v.embedding, :q)' with setMaxResults(k) (use the function of the column's "
                        + "distance metric); on PostgreSQL the HNSW index created for the column serves that query");
            }
        }
        String table = entity.getTable().getName().toLowerCase(Locale.ROOT);
        // Hibernate writes PostgreSQL names unquoted, so PostgreSQL folds them to lower case.
        Vec0Table model = Vec0EntityModel.of(entity, metadata, table, name -> name.toLowerCase(Locale.ROOT));
        List<String> indexes = new ArrayList<>(PostgresSchema.createFilterIndexes(model));
        indexes.addAll(PostgresSchema.createVectorIndexes(model, PostgresSchema.VectorIndex.HNSW));
        List<String> create = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        for (String statement : indexes) {
            // "if not exists": schema action "update" runs these again on every boot.
            create.add(statement.replaceFirst("^create index ", "create index if not exists "));
            drop.add("drop index if exists " + statement.split("\\s+")[2]);
        }
        return new PostgresVec0Indexes(entity.getEntityName(), List.copyOf(create), List.copyOf(drop));
    }

    @Override
    public String getExportIdentifier() {
        return "sqlitevec-vec0-indexes:" + entityName;
    }

    @Override
    public boolean appliesToDialect(Dialect dialect) {
        return dialect instanceof PostgreSQLDialect;
    }

    @Override
    public boolean beforeTablesOnCreation() {
        return false;
    }

    @Override
    public String[] sqlCreateStrings(SqlStringGenerationContext context) {
        return create.toArray(String[]::new);
    }

    @Override
    public String[] sqlDropStrings(SqlStringGenerationContext context) {
        return drop.toArray(String[]::new);
    }
}
