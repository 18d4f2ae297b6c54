package io.github.sqlitevec.hibernate.internal.dialect;

import org.hibernate.community.dialect.identity.SQLiteIdentityColumnSupport;

/**
 * The community SQLite identity support, with the identity column type written in capitals.
 *
 * <p>Why: Hibernate 7.4 appends the identity column string ({@code integer}) only when the lower-cased
 * {@code create table} statement written so far does not already contain it. When any column before
 * the id is an {@code integer} (Hibernate orders fixed-size columns first, so an {@code int} attribute
 * is enough), the id is declared with no type at all: {@code create table t (year integer, id, ...,
 * primary key (id))}. Such an id is not an alias of the rowid, every insert stores NULL in it, and
 * Hibernate's {@code last_insert_rowid()} hands the entity an id no row has. {@code INTEGER} is never
 * found in the lower-cased text, so it is always written, and SQLite, which compares type names without
 * regard to case, makes the column the rowid alias as intended.
 */
public final class RowidIdentityColumnSupport extends SQLiteIdentityColumnSupport {

    public static final RowidIdentityColumnSupport INSTANCE = new RowidIdentityColumnSupport();

    @Override
    public String getIdentityColumnString(int type) {
        return "INTEGER";
    }
}
