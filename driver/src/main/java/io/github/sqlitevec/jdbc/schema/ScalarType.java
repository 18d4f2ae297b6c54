package io.github.sqlitevec.jdbc.schema;

import java.util.Locale;

/**
 * The type of a non-vector {@code vec0} column, and its PostgreSQL counterpart. Which types a
 * column may have depends on its {@link Vec0Column.Kind} (sqlite-vec 0.1.9's rules):
 *
 * <table>
 * <caption>types per kind</caption>
 * <tr><th>kind</th><th>types</th></tr>
 * <tr><td>primary key</td><td>INTEGER, TEXT</td></tr>
 * <tr><td>metadata</td><td>INTEGER, FLOAT, TEXT, BOOLEAN</td></tr>
 * <tr><td>partition key</td><td>INTEGER, TEXT, BOOLEAN</td></tr>
 * <tr><td>auxiliary</td><td>INTEGER, FLOAT, TEXT, BLOB</td></tr>
 * </table>
 *
 * <pre>{@code
 * ScalarType.FLOAT.postgresType();   // "double precision"
 * }</pre>
 * Immutable and thread-safe.
 */
public enum ScalarType {
    /** {@code integer} (alias {@code int}); PostgreSQL {@code bigint}, since SQLite integers are 64-bit. */
    INTEGER("integer", "bigint"),
    /** {@code float} (alias {@code double}); PostgreSQL {@code double precision}, since SQLite reals are 64-bit. */
    FLOAT("float", "double precision"),
    /** {@code text}; PostgreSQL {@code text}. */
    TEXT("text", "text"),
    /** {@code boolean} (alias {@code bool}), stored by vec0 as 0 or 1; PostgreSQL {@code boolean}. */
    BOOLEAN("boolean", "boolean"),
    /** {@code blob}; PostgreSQL {@code bytea}. */
    BLOB("blob", "bytea");

    private final String sqliteName;
    private final String postgresType;

    ScalarType(String sqliteName, String postgresType) {
        this.sqliteName = sqliteName;
        this.postgresType = postgresType;
    }

    /** The keyword in vec0's column syntax, e.g. {@code text}. */
    public String sqliteName() {
        return sqliteName;
    }

    /** The PostgreSQL column type, e.g. {@code bigint}. */
    public String postgresType() {
        return postgresType;
    }

    /** The type named by one of vec0's keywords (any case), or null for a keyword vec0 does not know. */
    static ScalarType fromSqliteName(String keyword) {
        switch (keyword.toLowerCase(Locale.ROOT)) {
            case "integer":
            case "int":
                return INTEGER;
            case "float":
            case "double":
                return FLOAT;
            case "text":
                return TEXT;
            case "boolean":
            case "bool":
                return BOOLEAN;
            case "blob":
                return BLOB;
            default:
                return null;
        }
    }
}
