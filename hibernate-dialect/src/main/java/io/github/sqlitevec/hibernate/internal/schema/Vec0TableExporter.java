package io.github.sqlitevec.hibernate.internal.schema;

import io.github.sqlitevec.hibernate.Vec0Table;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.internal.StandardTableExporter;

/**
 * Writes {@code create virtual table … using vec0(…)} for the table of a {@link Vec0Table} entity, from
 * the driver's shared vec0 model (which checks sqlite-vec's rules first, see {@link Vec0EntityModel}),
 * and the standard {@code create table} for every other table. {@code drop table} works for both.
 */
public final class Vec0TableExporter extends StandardTableExporter {

    public Vec0TableExporter(Dialect dialect) {
        super(dialect);
    }

    @Override
    public String[] getSqlCreateStrings(Table table, Metadata metadata, SqlStringGenerationContext context) {
        PersistentClass entity = Vec0EntityModel.vec0EntityOf(table, metadata);
        if (entity == null) {
            return super.getSqlCreateStrings(table, metadata, context);
        }
        String name = context.format(table.getQualifiedTableName());
        return new String[] {Vec0EntityModel.of(entity, metadata, name, n -> n).sqliteCreateStatement()};
    }
}
