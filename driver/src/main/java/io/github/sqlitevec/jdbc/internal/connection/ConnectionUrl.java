package io.github.sqlitevec.jdbc.internal.connection;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import java.util.Locale;
import java.util.Properties;

/**
 * A {@code jdbc:sqlitevec:} URL taken apart: the address sqlite-jdbc opens, and whether the user
 * asked to keep SQL {@code load_extension()} available ({@code enable_load_extension=true} in
 * the URL or the Properties, sqlite-jdbc's own option). Immutable.
 */
final class ConnectionUrl {
    static final String LOAD_EXTENSION = "enable_load_extension";
    static final String MMAP_SIZE = "mmap_size";

    final String url;
    /** What sqlite-jdbc receives after {@code jdbc:sqlite:}, without {@code enable_load_extension}. */
    final String address;
    final boolean userLoadsExtensions;
    /** Whether the URL or the Properties choose {@code mmap_size} themselves. */
    final boolean userSetsMmapSize;

    private ConnectionUrl(String url, String address, boolean userLoadsExtensions, boolean userSetsMmapSize) {
        this.url = url;
        this.address = address;
        this.userLoadsExtensions = userLoadsExtensions;
        this.userSetsMmapSize = userSetsMmapSize;
    }

    static ConnectionUrl parse(String url, Properties info) {
        String rest = url.trim().substring(SqliteVecDriver.PREFIX.length());
        boolean requested = Boolean.parseBoolean(info.getProperty(LOAD_EXTENSION, "false"));
        boolean mmap = info.getProperty(MMAP_SIZE) != null;
        int query = rest.indexOf('?');
        if (query < 0) {
            return new ConnectionUrl(url, rest, requested, mmap);
        }
        // sqlite-jdbc lets URL parameters override Properties, so ours must leave the URL entirely.
        StringBuilder kept = new StringBuilder(rest.substring(0, query));
        char separator = '?';
        for (String parameter : rest.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            String key = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (key.equals(LOAD_EXTENSION)) {
                requested = eq >= 0 && Boolean.parseBoolean(parameter.substring(eq + 1));
            } else if (!parameter.isEmpty()) {
                mmap |= key.equals(MMAP_SIZE);
                kept.append(separator).append(parameter);
                separator = '&';
            }
        }
        return new ConnectionUrl(url, kept.toString(), requested, mmap);
    }
}
