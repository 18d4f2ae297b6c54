package io.github.sqlitevec.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.VectorCodec;
import java.util.ArrayList;
import java.util.List;

/** vec0 tables as storage: create, insert, read back, update, delete, drop, in transactions. */
final class Vec0TableCases {
    private final List<CorpusCase> cases = new ArrayList<>();
    private final SeededVectors vectors = new SeededVectors(31337L);

    static List<CorpusCase> all() {
        Vec0TableCases c = new Vec0TableCases();
        c.roundTrips();
        c.changes();
        c.columnsBesideTheVector();
        c.lifecycle();
        return c.cases;
    }

    private void add(String name, CorpusCase.Check check) {
        cases.add(new CorpusCase(name, check));
    }

    private void roundTrips() {
        float[] f = vectors.floats(12);
        add("aFloat32VectorInsertedAsABlobReadsBackBitForBit", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE rt_f32 USING vec0(embedding float[12])");
            Sql.update(c, "INSERT INTO rt_f32(rowid, embedding) VALUES (1, ?)", (Object) f);
            assertArrayEquals(f, Sql.singleVector(c, "SELECT embedding FROM rt_f32 WHERE rowid = 1"));
        });
        add("aFloat32VectorInsertedAsJsonReadsBackAsTheNearestFloats", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE rt_json USING vec0(embedding float[3])");
            Sql.update(c, "INSERT INTO rt_json(rowid, embedding) VALUES (1, '[0.1, -2.5, 1e3]')");
            assertArrayEquals(new float[] {0.1f, -2.5f, 1000f}, Sql.singleVector(c, "SELECT embedding FROM rt_json"));
        });
        byte[] int8 = vectors.int8(10);
        add("anInt8VectorReadsBackByteForByte", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE rt_i8 USING vec0(embedding int8[10])");
            Sql.update(c, "INSERT INTO rt_i8(rowid, embedding) VALUES (1, vec_int8(?))", (Object) int8);
            assertArrayEquals(int8, Sql.singleBlob(c, "SELECT embedding FROM rt_i8"));
            assertEquals(VectorCodec.fromInt8Blob(int8)[0], Sql.singleDouble(c,
                    "SELECT value FROM vec_each(vec_int8((SELECT embedding FROM rt_i8))) WHERE rowid = 0"));
        });
        byte[] bits = vectors.bits(40);
        add("aBitVectorReadsBackByteForByte", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE rt_bit USING vec0(embedding bit[40])");
            Sql.update(c, "INSERT INTO rt_bit(rowid, embedding) VALUES (1, vec_bit(?))", (Object) bits);
            assertArrayEquals(bits, Sql.singleBlob(c, "SELECT embedding FROM rt_bit"));
        });
        float[] big = vectors.floats(64);
        add("aBinaryQuantizedColumnStoresTheSignBits", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE rt_q USING vec0(embedding bit[64])");
            Sql.update(c, "INSERT INTO rt_q(rowid, embedding) VALUES (1, vec_quantize_binary(?))", (Object) big);
            assertArrayEquals(ExactVectorMath.quantizeBinary(big), Sql.singleBlob(c, "SELECT embedding FROM rt_q"));
        });
        float[] small = vectors.floatsClearOfQuantizationSteps(16);
        add("anInt8QuantizedColumnStoresTheUnitSteps", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE rt_q8 USING vec0(embedding int8[16])");
            Sql.update(c, "INSERT INTO rt_q8(rowid, embedding) VALUES (1, vec_quantize_int8(?, 'unit'))", (Object) small);
            assertArrayEquals(ExactVectorMath.quantizeUnit(small), Sql.singleBlob(c, "SELECT embedding FROM rt_q8"));
        });
        add("twoVectorColumnsInOneTableAreSearchedIndependently", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE rt_two USING vec0(a float[4], b float[2] distance_metric=l1)");
            Sql.update(c, "INSERT INTO rt_two(rowid, a, b) VALUES (1, '[1,0,0,0]', '[9, 9]'), (2, '[0,1,0,0]', '[0, 0]')");
            assertEquals(1L, ((Number) Sql.single(c, "SELECT rowid FROM rt_two WHERE a MATCH '[1,0,0,0]' AND k = 1")).longValue());
            List<Object[]> byB = Sql.rows(c, "SELECT rowid, distance FROM rt_two WHERE b MATCH '[1, 1]' AND k = 1");
            assertEquals(2L, ((Number) byB.get(0)[0]).longValue());
            Tolerance.assertClose(2.0, ((Number) byB.get(0)[1]).doubleValue(), "l1 distance on column b");
        });
    }

    private void changes() {
        add("insertWithoutARowidNumbersRowsFromOne", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE ch_auto USING vec0(embedding float[2])");
            Sql.update(c, "INSERT INTO ch_auto(embedding) VALUES ('[1, 1]')");
            Sql.update(c, "INSERT INTO ch_auto(embedding) VALUES ('[2, 2]')");
            assertEquals(List.of(1L, 2L), ids(c, "SELECT rowid FROM ch_auto ORDER BY rowid"));
        });
        float[] replacement = vectors.floats(4);
        add("updatingAVectorReplacesItAndNothingElse", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE ch_upd USING vec0(embedding float[4], +note text)");
            Sql.update(c, "INSERT INTO ch_upd(rowid, embedding, note) VALUES (1, '[1,1,1,1]', 'one'), (2, '[2,2,2,2]', 'two')");
            assertEquals(1, Sql.update(c, "UPDATE ch_upd SET embedding = ? WHERE rowid = 2", (Object) replacement));
            assertArrayEquals(replacement, Sql.singleVector(c, "SELECT embedding FROM ch_upd WHERE rowid = 2"));
            assertArrayEquals(new float[] {1, 1, 1, 1}, Sql.singleVector(c, "SELECT embedding FROM ch_upd WHERE rowid = 1"));
            assertEquals("two", Sql.singleText(c, "SELECT note FROM ch_upd WHERE rowid = 2"));
        });
        add("deletingRowsRemovesThemFromScansCountsAndKnn", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE ch_del USING vec0(embedding float[2])");
            for (int id = 1; id <= 10; id++) {
                Sql.update(c, "INSERT INTO ch_del(rowid, embedding) VALUES (?, ?)", id, new float[] {id, 0});
            }
            assertEquals(3, Sql.update(c, "DELETE FROM ch_del WHERE rowid IN (1, 2, 5)"));
            assertEquals(7, Sql.count(c, "ch_del"));
            assertEquals(List.of(3L, 4L, 6L), ids(c, "SELECT rowid FROM ch_del WHERE embedding MATCH '[0, 0]' AND k = 3 ORDER BY distance"));
        });
        add("aDeletedRowidCanBeInsertedAgain", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE ch_reins USING vec0(embedding float[2])");
            Sql.update(c, "INSERT INTO ch_reins(rowid, embedding) VALUES (7, '[1, 2]')");
            Sql.update(c, "DELETE FROM ch_reins WHERE rowid = 7");
            Sql.update(c, "INSERT INTO ch_reins(rowid, embedding) VALUES (7, '[3, 4]')");
            assertArrayEquals(new float[] {3, 4}, Sql.singleVector(c, "SELECT embedding FROM ch_reins WHERE rowid = 7"));
        });
        add("aTextPrimaryKeyIdentifiesRows", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE ch_text USING vec0(doc_id text primary key, embedding float[2])");
            Sql.update(c, "INSERT INTO ch_text(doc_id, embedding) VALUES ('alpha', '[0, 0]'), ('beta', '[5, 5]')");
            assertEquals("beta", Sql.singleText(c, "SELECT doc_id FROM ch_text WHERE embedding MATCH '[4, 4]' AND k = 1"));
            assertEquals(1, Sql.update(c, "DELETE FROM ch_text WHERE doc_id = 'beta'"));
            assertEquals("alpha", Sql.singleText(c, "SELECT doc_id FROM ch_text WHERE embedding MATCH '[4, 4]' AND k = 1"));
        });
        // sqlite-vec 0.1.9: an UPDATE of the rowid reports success but keeps the row where it was
        add("updatingAVec0RowidLeavesTheRowUnderItsOldRowid", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE ch_rowid USING vec0(embedding float[2])");
            Sql.update(c, "INSERT INTO ch_rowid(rowid, embedding) VALUES (3, '[1, 2]')");
            Sql.update(c, "UPDATE ch_rowid SET rowid = 9 WHERE rowid = 3");
            assertEquals(List.of(3L), ids(c, "SELECT rowid FROM ch_rowid"));
        });
    }

    private void columnsBesideTheVector() {
        add("metadataColumnsOfEveryKindReadBackAsInserted", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE md_all USING vec0(embedding float[2], flag boolean, n integer, x float, t text)");
            String longText = "a text value longer than the twelve inline bytes";
            Sql.update(c, "INSERT INTO md_all(rowid, embedding, flag, n, x, t) VALUES (1, '[0, 1]', 1, -42, 2.5, 'short'),"
                    + " (2, '[1, 0]', 0, 9007199254740993, -0.125, ?)", longText);
            List<Object[]> rows = Sql.rows(c, "SELECT flag, n, x, t FROM md_all ORDER BY rowid");
            assertEquals(1, ((Number) rows.get(0)[0]).intValue());
            assertEquals(-42L, ((Number) rows.get(0)[1]).longValue());
            assertEquals(2.5, ((Number) rows.get(0)[2]).doubleValue());
            assertEquals("short", rows.get(0)[3]);
            assertEquals(0, ((Number) rows.get(1)[0]).intValue());
            assertEquals(9007199254740993L, ((Number) rows.get(1)[1]).longValue());
            assertEquals(-0.125, ((Number) rows.get(1)[2]).doubleValue());
            assertEquals(longText, rows.get(1)[3]);
        });
        add("updatingMetadataChangesWhatKnnFiltersSee", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE md_upd USING vec0(embedding float[2], n integer)");
            Sql.update(c, "INSERT INTO md_upd(rowid, embedding, n) VALUES (1, '[0, 0]', 1), (2, '[1, 1]', 2)");
            Sql.update(c, "UPDATE md_upd SET n = 2 WHERE rowid = 1");
            assertEquals(List.of(1L, 2L), ids(c, "SELECT rowid FROM md_upd WHERE embedding MATCH '[0, 0]' AND k = 5 AND n = 2 ORDER BY distance"));
        });
        add("auxiliaryColumnsHoldAnyDeclaredTypeIncludingBlobs", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE aux_all USING vec0(embedding float[2], +title text, +payload blob, +weight float, +n integer)");
            byte[] payload = {1, 2, 3, (byte) 0xff};
            Sql.update(c, "INSERT INTO aux_all(rowid, embedding, title, payload, weight, n) VALUES (1, '[1, 2]', 'hello', ?, 0.5, 7)",
                    (Object) payload);
            List<Object[]> rows = Sql.rows(c, "SELECT title, payload, weight, n FROM aux_all");
            assertEquals("hello", rows.get(0)[0]);
            assertArrayEquals(payload, (byte[]) rows.get(0)[1]);
            assertEquals(0.5, ((Number) rows.get(0)[2]).doubleValue());
            assertEquals(7L, ((Number) rows.get(0)[3]).longValue());
        });
        add("aTextPartitionKeySeparatesKnnResults", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE part_text USING vec0(user_id text partition key, embedding float[2])");
            Sql.update(c, "INSERT INTO part_text(rowid, user_id, embedding) VALUES (1, 'ann', '[0, 0]'), (2, 'bob', '[0, 0.1]'),"
                    + " (3, 'ann', '[5, 5]')");
            assertEquals(List.of(1L, 3L), ids(c, "SELECT rowid FROM part_text WHERE embedding MATCH '[0, 0.1]' AND k = 5"
                    + " AND user_id = 'ann' ORDER BY distance"));
            assertEquals(List.of(2L), ids(c, "SELECT rowid FROM part_text WHERE embedding MATCH '[0, 0]' AND k = 5"
                    + " AND user_id = 'bob'"));
        });
    }

    private void lifecycle() {
        add("creatingAVec0TableCreatesItsShadowTablesAndDroppingRemovesThem", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE life USING vec0(embedding float[2], +note text)");
            assertTrue(Sql.count(c, "sqlite_master WHERE name LIKE 'life\\_%' ESCAPE '\\'") >= 4);
            Sql.execute(c, "DROP TABLE life");
            assertEquals(0, Sql.count(c, "sqlite_master WHERE name = 'life' OR name LIKE 'life\\_%' ESCAPE '\\'"));
        });
        add("aRolledBackTransactionLeavesNoVec0Rows", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE tx_rb USING vec0(embedding float[2])");
            Sql.update(c, "INSERT INTO tx_rb(rowid, embedding) VALUES (1, '[1, 1]')");
            c.setAutoCommit(false);
            try {
                Sql.update(c, "INSERT INTO tx_rb(rowid, embedding) VALUES (2, '[2, 2]')");
                Sql.update(c, "DELETE FROM tx_rb WHERE rowid = 1");
                c.rollback();
            } finally {
                c.setAutoCommit(true);
            }
            assertEquals(List.of(1L), ids(c, "SELECT rowid FROM tx_rb WHERE embedding MATCH '[2, 2]' AND k = 5"));
        });
        add("aCommittedTransactionKeepsEveryVec0Row", c -> {
            Sql.execute(c, "CREATE VIRTUAL TABLE tx_ok USING vec0(embedding float[2])");
            c.setAutoCommit(false);
            try {
                for (int id = 1; id <= 50; id++) {
                    Sql.update(c, "INSERT INTO tx_ok(rowid, embedding) VALUES (?, ?)", id, new float[] {id, -id});
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
            assertEquals(50, Sql.count(c, "tx_ok"));
            assertEquals(1275.0, Sql.singleDouble(c, "SELECT sum(rowid) FROM tx_ok"));
        });
    }

    private static List<Long> ids(java.sql.Connection c, String sql) throws java.sql.SQLException {
        List<Long> ids = new ArrayList<>();
        for (Object[] row : Sql.rows(c, sql)) {
            ids.add(((Number) row[0]).longValue());
        }
        return ids;
    }
}
