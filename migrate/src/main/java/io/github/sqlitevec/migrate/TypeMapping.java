package io.github.sqlitevec.migrate;

import io.github.sqlitevec.jdbc.schema.ScalarType;
import java.util.Locale;

/**
 * SQLite declared types to PostgreSQL types. SQLite accepts any type name and derives an
 * affinity from it; PostgreSQL needs one real type, so the mapping follows the names programs
 * actually write (checked in this order):
 *
 * <table>
 * <caption>declared type to PostgreSQL type</caption>
 * <tr><th>declared type (case-insensitive)</th><th>PostgreSQL</th></tr>
 * <tr><td>BOOL, BOOLEAN</td><td>boolean (values 0/1)</td></tr>
 * <tr><td>DATE</td><td>date (ISO text, or sqlite-jdbc's epoch milliseconds)</td></tr>
 * <tr><td>DATETIME, TIMESTAMP</td><td>timestamp (same)</td></tr>
 * <tr><td>JSON, JSONB</td><td>json (the text as written)</td></tr>
 * <tr><td>UUID</td><td>uuid</td></tr>
 * <tr><td>containing INT</td><td>bigint (SQLite integers are 64-bit)</td></tr>
 * <tr><td>containing CHAR, CLOB or TEXT</td><td>text (SQLite enforces no length)</td></tr>
 * <tr><td>containing BLOB</td><td>bytea</td></tr>
 * <tr><td>containing REAL, FLOA or DOUB</td><td>double precision</td></tr>
 * <tr><td>NUMERIC, DECIMAL (with or without precision)</td><td>numeric (unconstrained, so nothing is rounded)</td></tr>
 * </table>
 * Anything else, including no declared type, is reported; {@code --type TABLE.COLUMN=PGTYPE} names the type.
 */
final class TypeMapping {

    private TypeMapping() {}

    /** The PostgreSQL type of column {@code column} of {@code table}, declared {@code declared} in SQLite. */
    static PgType forDeclared(String table, String column, String declared, Options options) {
        String override = options.typeOverrides.get((table + "." + column).toLowerCase(Locale.ROOT));
        if (override != null) {
            return PgType.of(override, PgType.Family.OTHER);
        }
        String t = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT);
        String base = t.replaceAll("\\s*\\(.*", "");
        switch (base) {
            case "BOOL":
            case "BOOLEAN":
                return PgType.of("boolean", PgType.Family.BOOLEAN);
            case "DATE":
                return PgType.of("date", PgType.Family.DATE);
            case "DATETIME":
            case "TIMESTAMP":
                return PgType.of("timestamp", PgType.Family.TIMESTAMP);
            case "JSON":
            case "JSONB":
                return PgType.of("json", PgType.Family.JSON);
            case "UUID":
                return PgType.of("uuid", PgType.Family.UUID);
            case "NUMERIC":
            case "DECIMAL":
                return PgType.of("numeric", PgType.Family.NUMERIC);
            default:
                break;
        }
        if (t.contains("INT")) {
            return PgType.of("bigint", PgType.Family.INTEGER);
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return PgType.of("text", PgType.Family.TEXT);
        }
        if (t.contains("BLOB")) {
            return PgType.of("bytea", PgType.Family.BYTEA);
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return PgType.of("double precision", PgType.Family.FLOAT);
        }
        throw new MigrationException("column " + table + "." + column + " has "
                + (t.isEmpty() ? "no declared type" : "the type " + declared + ", which sqlitevec-migrate does not know")
                + "; name its PostgreSQL type with --type " + table + "." + column + "=<type> (e.g. text, bigint, bytea, numeric)");
    }

    /** The PostgreSQL type of a vec0 scalar column. */
    static PgType forVec0(ScalarType type) {
        switch (type) {
            case INTEGER:
                return PgType.of(type.postgresType(), PgType.Family.INTEGER);
            case FLOAT:
                return PgType.of(type.postgresType(), PgType.Family.FLOAT);
            case BOOLEAN:
                return PgType.of(type.postgresType(), PgType.Family.BOOLEAN);
            case BLOB:
                return PgType.of(type.postgresType(), PgType.Family.BYTEA);
            default:
                return PgType.of(type.postgresType(), PgType.Family.TEXT);
        }
    }
}
