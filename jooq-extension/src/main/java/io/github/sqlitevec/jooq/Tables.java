package io.github.sqlitevec.jooq;

import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/** Finds the table a column belongs to, for recipes that must name it in {@code from}. */
final class Tables {

    private Tables() {}

    static Table<?> of(Field<?> column, String role) {
        if (column instanceof TableField) {
            Table<?> table = ((TableField<?, ?>) column).getTable();
            if (table != null) {
                return table;
            }
        }
        Name qualifier = SqliteVecDSL.qualifierOf(column);
        if (qualifier == null) {
            throw new IllegalArgumentException("the " + role + " " + column.getName()
                    + " is not qualified by its table; use a generated TableField or field(name(\"table\", \"column\"), type)");
        }
        return DSL.table(qualifier);
    }
}
