package io.github.sqlitevec.jdbc.internal.connection;

import io.github.sqlitevec.jdbc.internal.errors.SqlState;
import io.github.sqlitevec.jdbc.internal.natives.NativeLibraryLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteLimits;
import org.sqlite.core.DB;

/**
 * Loads sqlite-vec into one freshly opened connection (the analog of Go's ConnectHook) and
 * checks that it answers. Stateless.
 */
final class VectorExtension {
    /** sqlite-vec 0.1.9 calls sqlite3_vtab_in(), added in SQLite 3.38.0; older SQLite would crash, not fail. */
    static final int[] MINIMUM_SQLITE = {3, 38, 0};

    /**
     * The library whose {@code vec_version()} was checked. Once one connection of this JVM has
     * answered, the same file loaded into another connection answers the same: skip the query.
     */
    private static volatile Path verified;

    private static final int[] LIMITS = {SQLiteLimits.SQLITE_LIMIT_LENGTH.getId(), SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH.getId()};
    private static final int ROOM_FOR_OUR_STATEMENTS = 65536;

    private VectorExtension() {}

    /** Loads the library through the explicit entry point; the handle must allow extension loading. */
    static void load(SQLiteConnection connection, String sqliteVecVersion) throws SQLException {
        Path library = NativeLibraryLoader.library(sqliteVecVersion);
        if (!library.equals(verified)) {
            requireSupportedSqlite(connection.libversion(), sqliteVecVersion);
        }
        DB db = connection.getDatabase();
        int[] saved = raiseTinyLimits(db);
        try {
            try (PreparedStatement load = connection.prepareStatement("SELECT load_extension(?, 'sqlite3_vec_init')")) {
                load.setString(1, library.toString());
                load.executeQuery().close();
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) != SQLiteErrorCode.SQLITE_ERROR.code) {
                    throw e; // the database itself failed (not a database, busy, I/O): report that, not the library
                }
                throw SqlState.CONNECTION_FAILURE.newException("cannot load sqlite-vec from " + library + ": " + e.getMessage()
                        + "; if you set -D" + NativeLibraryLoader.PATH_PROPERTY + ", check that it is a sqlite-vec build for this platform",
                        e.getErrorCode(), e);
            }
            if (library.equals(verified)) {
                return;
            }
            String answered = vecVersion(connection);
            if (("v" + sqliteVecVersion).equals(answered)) {
                verified = library;
            } else {
                throw SqlState.CONNECTION_FAILURE.newException("the loaded sqlite-vec reports version " + answered + " but sqlitevec-jdbc needs v"
                        + sqliteVecVersion + "; unset -D" + NativeLibraryLoader.PATH_PROPERTY + " or point it at sqlite-vec " + sqliteVecVersion, 0, null);
            }
        } finally {
            restoreLimits(db, saved);
        }
    }

    /**
     * A URL may set {@code limit_length} or {@code limit_sql_length} so low that our own two
     * statements (the library path is a string value) would fail; lift them while we run.
     */
    private static int[] raiseTinyLimits(DB db) throws SQLException {
        int[] saved = new int[LIMITS.length];
        for (int i = 0; i < LIMITS.length; i++) {
            saved[i] = db.limit(LIMITS[i], -1); // a negative value only reads the limit
            if (saved[i] < ROOM_FOR_OUR_STATEMENTS) {
                db.limit(LIMITS[i], ROOM_FOR_OUR_STATEMENTS);
            }
        }
        return saved;
    }

    private static void restoreLimits(DB db, int[] saved) throws SQLException {
        for (int i = 0; i < LIMITS.length; i++) {
            if (saved[i] < ROOM_FOR_OUR_STATEMENTS) {
                db.limit(LIMITS[i], saved[i]);
            }
        }
    }

    private static String vecVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT vec_version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void requireSupportedSqlite(String version, String sqliteVecVersion) throws SQLException {
        if (compare(version, MINIMUM_SQLITE) < 0) {
            String minimum = MINIMUM_SQLITE[0] + "." + MINIMUM_SQLITE[1] + "." + MINIMUM_SQLITE[2];
            throw SqlState.CONNECTION_FAILURE.newException("the sqlite-jdbc on the class path runs SQLite " + version
                    + ", but sqlite-vec " + sqliteVecVersion + " needs SQLite " + minimum + " or newer; upgrade org.xerial:sqlite-jdbc to "
                    + minimum + ".0 or newer", 0, null);
        }
    }

    static int compare(String version, int[] minimum) {
        String[] parts = version.split("\\.");
        for (int i = 0; i < minimum.length; i++) {
            int part = i < parts.length ? leadingInt(parts[i]) : 0;
            if (part != minimum[i]) {
                return Integer.compare(part, minimum[i]);
            }
        }
        return 0;
    }

    private static int leadingInt(String s) {
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
    }
}
