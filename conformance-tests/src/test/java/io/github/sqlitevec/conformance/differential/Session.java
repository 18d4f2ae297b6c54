package io.github.sqlitevec.conformance.differential;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The connections of one scenario on one side: the main connection to {@code test.db}, plus any
 * further connections the scenario opens (a second writer, an attached file, a restored backup),
 * all in a directory of this side's own. Closes everything it opened.
 */
final class Session implements AutoCloseable {
    private final Side side;
    private final Path dir;
    private final List<Connection> opened = new ArrayList<>();
    private final Connection main;

    Session(Side side, Path dir, String urlOptions) throws SQLException {
        this.side = side;
        this.dir = dir;
        this.main = open("test.db" + urlOptions);
    }

    /** The connection the scenario is about. */
    Connection conn() {
        return main;
    }

    Side side() {
        return side;
    }

    /** Absolute path of a file in this side's directory, for ATTACH, backup and restore. */
    String path(String fileName) {
        return dir.resolve(fileName).toString();
    }

    /** Another connection of the same driver, e.g. {@code open("test.db?busy_timeout=0")}. */
    Connection open(String fileAndOptions) throws SQLException {
        return open(fileAndOptions, new Properties());
    }

    Connection open(String fileAndOptions, Properties properties) throws SQLException {
        Connection c = DriverManager.getConnection(side.prefix + dir.resolve(fileAndOptions), properties);
        opened.add(c);
        return c;
    }

    @Override
    public void close() throws SQLException {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }
}
