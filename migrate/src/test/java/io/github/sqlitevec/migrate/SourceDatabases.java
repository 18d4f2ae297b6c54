package io.github.sqlitevec.migrate;

import io.github.sqlitevec.jdbc.VectorCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** SQLite files for the migration tests, written through the real driver. */
final class SourceDatabases {

    static final int DOCS = 60;
    static final int NOTES = 40;
    static final int ITEMS = 30;

    private SourceDatabases() {}

    static String url(Path file) {
        return "jdbc:sqlitevec:" + file;
    }

    static void execute(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(file)); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * Every feature: ordinary tables of every type family with keys, NOT NULL, UNIQUE, indexes,
     * foreign keys, a WITHOUT ROWID table, a table without a key and NULLs; vec0 tables with
     * float32/int8/bit vectors, every metric, metadata of every type, integer and text partition
     * keys, auxiliary columns with NULLs and a text primary key; an FTS5 table; a view.
     */
    static void featureComplete(Path file) throws SQLException {
        execute(file,
                "create table authors (id integer primary key, name text not null unique, born date, rating real, active boolean,"
                        + " balance numeric(10,2), photo blob, profile json, uid uuid, score double, nick varchar(20), created datetime)",
                "create table books (id integer primary key, author_id integer not null references authors(id) on delete cascade,"
                        + " title text not null, pages int, published timestamp)",
                "create index books_title_idx on books(title)",
                "create unique index books_author_title on books(author_id, title)",
                "create table tags (book_id integer references books(id), tag text, primary key (book_id, tag)) without rowid",
                "create table events (kind text, payload blob, at integer)",
                "create view author_names as select name from authors",
                "insert into authors values (1, 'Ada', '1815-12-10', 4.5, 1, 12.34, x'00ff10', '{\"a\": [1, 2]}',"
                        + " '3F2504E0-4F89-11D3-9A0C-0305E82C3301', 1e300, 'ada', '2024-01-02 03:04:05')",
                "insert into authors values (2, 'Tab\tNew\nLine \\ Back', null, null, 0, null, null, null, null, -0.5, null, 1704164645000)",
                "insert into authors (id, name, created) values (5, 'Ünïcödé ✓', '2024-02-29T23:59:59.123')",
                "insert into books values (1, 1, 'Notes on the Engine', 60, '1843-09-01 00:00:00'), (2, 1, 'Letters', null, null),"
                        + " (3, 2, 'Tabs', 10, null), (4, 5, 'Unicode', 1, '2024-01-01 00:00:00')",
                "insert into tags values (1, 'math'), (1, 'history'), (3, 'whitespace')",
                "insert into events values ('start', x'01', 1), ('stop', null, null), (null, x'', 3)",
                "create virtual table docs using vec0(embedding float[8] distance_metric=cosine, q int8[8] distance_metric=l1, sig bit[16],"
                        + " category text, user_id integer partition key, +title text, +body blob)",
                "create virtual table notes using vec0(id text primary key, e float[8], flag boolean, score float, n integer, +extra text)",
                "create virtual table items using vec0(item_id integer primary key, v float[4] distance_metric=l1, b bit[8], lang text partition key)",
                "create virtual table articles using fts5(title, body, lang unindexed)",
                "insert into articles(rowid, title, body, lang) values (1, 'Vector search', 'nearest neighbours in a file', 'en'),"
                        + " (2, 'Full text', 'ranking with bm25', 'en'), (5, null, 'vector databases compared', 'de')");
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection(url(file))) {
            c.setAutoCommit(false);
            try (PreparedStatement docs = c.prepareStatement("insert into docs(rowid, embedding, q, sig, category, user_id, title, body)"
                    + " values (?, ?, vec_int8(?), vec_bit(?), ?, ?, ?, ?)")) {
                for (int i = 1; i <= DOCS; i++) {
                    docs.setLong(1, i * 3L);
                    docs.setBytes(2, VectorCodec.toFloat32Blob(floats(random, 8)));
                    docs.setBytes(3, bytes(random, 8, true));
                    docs.setBytes(4, bytes(random, 2, false));
                    docs.setString(5, i % 3 == 0 ? "news" : "blog");
                    docs.setLong(6, i % 4);
                    docs.setString(7, i % 5 == 0 ? null : "title " + i);
                    docs.setBytes(8, i % 7 == 0 ? null : bytes(random, 3, false));
                    docs.addBatch();
                }
                docs.executeBatch();
            }
            try (PreparedStatement notes = c.prepareStatement("insert into notes(id, e, flag, score, n, extra) values (?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= NOTES; i++) {
                    notes.setString(1, "note-" + i + (i % 6 == 0 ? " with 'quote'" : ""));
                    notes.setBytes(2, VectorCodec.toFloat32Blob(floats(random, 8)));
                    notes.setBoolean(3, i % 2 == 0);
                    notes.setDouble(4, i / 3.0);
                    notes.setLong(5, Long.MAX_VALUE - i);
                    notes.setString(6, i % 4 == 0 ? null : "extra\t" + i);
                    notes.addBatch();
                }
                notes.executeBatch();
            }
            try (PreparedStatement items = c.prepareStatement("insert into items(item_id, v, b, lang) values (?, ?, vec_bit(?), ?)")) {
                for (int i = 1; i <= ITEMS; i++) {
                    items.setLong(1, 100 + i);
                    items.setBytes(2, VectorCodec.toFloat32Blob(floats(random, 4)));
                    items.setBytes(3, bytes(random, 1, false));
                    items.setString(4, i % 2 == 0 ? "en" : "de");
                    items.addBatch();
                }
                items.executeBatch();
            }
            c.commit();
        }
    }

    static float[] floats(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static byte[] bytes(Random random, int n, boolean int8) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        if (int8) {
            for (int i = 0; i < n; i++) {
                b[i] = (byte) Math.max(-127, b[i]);
            }
        }
        return b;
    }
}
