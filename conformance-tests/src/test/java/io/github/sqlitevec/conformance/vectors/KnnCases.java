package io.github.sqlitevec.conformance.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlitevec.jdbc.VectorCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * KNN over vec0: every metric and element type, {@code k = ?} and {@code LIMIT ?}, metadata,
 * partition-key, distance and rowid filters, each answer compared with {@link ExactKnn}. Each
 * case builds its own table, so cases do not depend on each other's order.
 */
final class KnnCases {
    private static final int ROWS = 300;
    private static final int DIMS = 16;

    private final List<CorpusCase> cases = new ArrayList<>();
    private int tables;

    static List<CorpusCase> all() {
        KnnCases c = new KnnCases();
        c.metricsAndSyntax();
        c.highDimensional();
        c.int8AndBit();
        c.metadataFilters();
        c.partitionAndOtherFilters();
        c.returnedColumns();
        c.edges();
        return c.cases;
    }

    private String nextTable() {
        return "knn_" + (++tables);
    }

    /** A case that builds a table, runs one query and compares it with the oracle. */
    private void knnCase(String name, ElementType type, Metric metric, int dims, int rows, boolean longLabels,
                         int k, boolean useLimit, String where, Predicate<KnnTable.Row> filter, Object... params) {
        String table = nextTable();
        long seed = 7_000L + tables;
        cases.add(new CorpusCase(name, c -> {
            KnnTable t = KnnTable.generate(table, type, metric, dims, rows, seed, longLabels);
            t.create(c);
            Object query = t.randomVector();
            List<Neighbor> expected = t.ranking(query, filter);
            ExactKnn.assertSameNeighbors(expected, t.knn(c, query, k, useLimit, where, params), k);
        }));
    }

    private void floatCase(String name, int k, String where, Predicate<KnnTable.Row> filter, Object... params) {
        knnCase(name, ElementType.FLOAT32, Metric.L2, DIMS, ROWS, false, k, false, where, filter, params);
    }

    private void metricsAndSyntax() {
        for (Metric metric : Metric.values()) {
            for (int k : new int[] {1, 5, 20}) {
                for (boolean limit : new boolean[] {false, true}) {
                    knnCase("knnWith" + (limit ? "Limit" : "K") + k + "OverFloat32" + metric.name() + "ColumnFindsTheExactNearest",
                            ElementType.FLOAT32, metric, DIMS, ROWS, false, k, limit, "", r -> true);
                }
            }
        }
    }

    private void highDimensional() {
        for (Metric metric : Metric.values()) {
            knnCase("knnOver384DimensionalFloat32" + metric.name() + "ColumnFindsTheExactNearest",
                    ElementType.FLOAT32, metric, 384, 150, false, 10, false, "", r -> true);
        }
    }

    private void int8AndBit() {
        for (Metric metric : Metric.values()) {
            knnCase("knnOverInt8" + metric.name() + "ColumnFindsTheExactNearest",
                    ElementType.INT8, metric, DIMS, ROWS, false, 8, false, "", r -> true);
        }
        knnCase("knnOver64BitColumnRanksByHammingDistance", ElementType.BIT, null, 64, ROWS, false, 10, false, "", r -> true);
        knnCase("knnOver24BitColumnRanksByHammingDistance", ElementType.BIT, null, 24, ROWS, false, 5, true, "", r -> true);
        knnCase("knnOver1024BitColumnRanksByHammingDistance", ElementType.BIT, null, 1024, 100, false, 7, false, "", r -> true);
    }

    private void metadataFilters() {
        floatCase("knnFilteredByIntegerMetadataEquals", 10, "category = ?", r -> r.category() == 3, 3);
        floatCase("knnFilteredByIntegerMetadataNotEquals", 10, "category != ?", r -> r.category() != 3, 3);
        floatCase("knnFilteredByIntegerMetadataLessThan", 10, "category < ?", r -> r.category() < 2, 2);
        floatCase("knnFilteredByIntegerMetadataAtMost", 10, "category <= ?", r -> r.category() <= 2, 2);
        floatCase("knnFilteredByIntegerMetadataGreaterThan", 10, "category > ?", r -> r.category() > 4, 4);
        floatCase("knnFilteredByIntegerMetadataAtLeast", 10, "category >= ?", r -> r.category() >= 5, 5);
        floatCase("knnFilteredByIntegerMetadataInList", 10, "category IN (1, 4)", r -> r.category() == 1 || r.category() == 4);
        floatCase("knnFilteredByTextMetadataEquals", 10, "label = ?", r -> r.label().equals("label-c"), "label-c");
        floatCase("knnFilteredByTextMetadataNotEquals", 10, "label != ?", r -> !r.label().equals("label-c"), "label-c");
        floatCase("knnFilteredByTextMetadataInList", 10, "label IN ('label-a', 'label-e')",
                r -> r.label().equals("label-a") || r.label().equals("label-e"));
        floatCase("knnFilteredByTextMetadataGreaterThan", 10, "label > ?", r -> r.label().compareTo("label-c") > 0, "label-c");
        floatCase("knnFilteredByTextMetadataLessThan", 10, "label < ?", r -> r.label().compareTo("label-c") < 0, "label-c");
        floatCase("knnFilteredByFloatMetadataLessThan", 10, "score < ?", r -> r.score() < 50.5, 50.5);
        floatCase("knnFilteredByFloatMetadataAtLeast", 10, "score >= ?", r -> r.score() >= 80.0, 80.0);
        floatCase("knnFilteredByBooleanMetadataTrue", 10, "active = ?", r -> r.active(), true);
        floatCase("knnFilteredByBooleanMetadataFalse", 10, "active = ?", r -> !r.active(), false);
        floatCase("knnFilteredByBooleanMetadataNotTrue", 10, "active != ?", r -> !r.active(), true);
        floatCase("knnFilteredByTwoMetadataColumnsAtOnce", 10, "category >= ? AND active = ?",
                r -> r.category() >= 3 && r.active(), 3, true);
        floatCase("knnWithAFilterNothingPassesReturnsNoRows", 10, "category = ?", r -> false, 99);
        String longLabel = "a-label-longer-than-twelve-bytes-d";
        knnCase("knnFilteredByLongTextMetadataEquals", ElementType.FLOAT32, Metric.L2, DIMS, ROWS, true, 10, false,
                "label = ?", r -> r.label().equals(longLabel), longLabel);
        knnCase("knnFilteredByLongTextMetadataGreaterThan", ElementType.FLOAT32, Metric.COSINE, DIMS, ROWS, true, 10, false,
                "label > ?", r -> r.label().compareTo(longLabel) > 0, longLabel);
        knnCase("knnWithLimitFilteredByMetadata", ElementType.FLOAT32, Metric.L1, DIMS, ROWS, false, 6, true,
                "category < ?", r -> r.category() < 3, 3);
    }

    private void partitionAndOtherFilters() {
        floatCase("knnInOnePartitionSeesOnlyThatPartition", 10, "tenant = ?", r -> r.tenant() == 2, 2);
        floatCase("knnInAPartitionWithMetadataFilters", 10, "tenant = ? AND category = ? AND active = ?",
                r -> r.tenant() == 1 && r.category() == 2 && r.active(), 1, 2, true);
        floatCase("knnOverAPartitionKeyRange", 10, "tenant > ?", r -> r.tenant() > 0, 0);
        floatCase("knnRestrictedToRowidsInAList", 5, "rowid IN (3, 10, 11, 50, 77, 120, 200, 299)",
                r -> Set.of(3L, 10L, 11L, 50L, 77L, 120L, 200L, 299L).contains(r.id()));
        String table = nextTable();
        cases.add(new CorpusCase("knnWithADistanceBoundReturnsOnlyCloserRows", c -> {
            KnnTable t = KnnTable.generate(table, ElementType.FLOAT32, Metric.L2, DIMS, ROWS, 99, false);
            t.create(c);
            float[] query = (float[]) t.randomVector();
            List<Neighbor> all = t.ranking(query, r -> true);
            // a bound halfway between the 7th and 8th distances leaves exactly 7 rows
            double bound = (all.get(6).distance() + all.get(7).distance()) / 2;
            List<Neighbor> expected = t.ranking(query, r -> t.distance(query, r.vector()) < bound);
            assertEquals(7, expected.size());
            ExactKnn.assertSameNeighbors(expected, t.knn(c, query, 20, false, "distance < ?", bound), 20);
        }));
    }

    private void returnedColumns() {
        String table = nextTable();
        cases.add(new CorpusCase("knnReturnsTheMetadataPartitionAndAuxiliaryValuesOfEachNeighbor", c -> {
            KnnTable t = KnnTable.generate(table, ElementType.FLOAT32, Metric.COSINE, DIMS, ROWS, 123, false);
            t.create(c);
            float[] query = (float[]) t.randomVector();
            List<Object[]> rows = Sql.rows(c, "SELECT rowid, category, label, score, active, tenant, note, embedding FROM "
                    + table + " WHERE embedding MATCH ? AND k = 12 ORDER BY distance", (Object) query);
            assertEquals(12, rows.size());
            for (Object[] row : rows) {
                KnnTable.Row want = t.rows.get(((Number) row[0]).longValue());
                assertEquals(want.category(), ((Number) row[1]).longValue());
                assertEquals(want.label(), row[2]);
                assertEquals(want.score(), ((Number) row[3]).doubleValue());
                assertEquals(want.active() ? 1 : 0, ((Number) row[4]).intValue());
                assertEquals(want.tenant(), ((Number) row[5]).longValue());
                assertEquals(want.note(), row[6]);
                assertEquals(java.util.Arrays.toString((float[]) want.vector()),
                        java.util.Arrays.toString(VectorCodec.fromFloat32Blob((byte[]) row[7])));
            }
        }));
    }

    private void edges() {
        floatCase("knnWithKLargerThanTheTableReturnsEveryRow", 1000, "", r -> true);
        String zero = nextTable();
        cases.add(new CorpusCase("knnWithKZeroReturnsNoRows", c -> {
            KnnTable t = KnnTable.generate(zero, ElementType.FLOAT32, Metric.L2, DIMS, 20, 5, false);
            t.create(c);
            assertTrue(t.knn(c, t.randomVector(), 0, false, "").isEmpty());
        }));
        String json = nextTable();
        cases.add(new CorpusCase("knnAcceptsTheQueryAsJsonText", c -> {
            KnnTable t = KnnTable.generate(json, ElementType.FLOAT32, Metric.L2, DIMS, ROWS, 6, false);
            t.create(c);
            float[] query = (float[]) t.randomVector();
            ExactKnn.assertSameNeighbors(t.ranking(query, r -> true), t.knn(c, VectorCodec.toJson(query), 9, false, ""), 9);
        }));
        String changed = nextTable();
        cases.add(new CorpusCase("knnSeesDeletedAndUpdatedRowsAsTheyAreNow", c -> {
            KnnTable t = KnnTable.generate(changed, ElementType.FLOAT32, Metric.L2, DIMS, ROWS, 8, false);
            t.create(c);
            float[] query = (float[]) t.randomVector();
            List<Neighbor> before = t.ranking(query, r -> true);
            // delete the three nearest rows, and move a far row onto the query itself
            for (int i = 0; i < 3; i++) {
                long id = before.get(i).id();
                assertEquals(1, Sql.update(c, "DELETE FROM " + changed + " WHERE rowid = ?", id));
                t.rows.remove(id);
            }
            long moved = before.get(before.size() - 1).id();
            assertEquals(1, Sql.update(c, "UPDATE " + changed + " SET embedding = ? WHERE rowid = ?", query, moved));
            KnnTable.Row old = t.rows.get(moved);
            t.rows.put(moved, new KnnTable.Row(moved, query.clone(), old.category(), old.label(), old.score(),
                    old.active(), old.tenant(), old.note()));
            List<Neighbor> answer = t.knn(c, query, 10, false, "");
            assertEquals(moved, answer.get(0).id());
            ExactKnn.assertSameNeighbors(t.ranking(query, r -> true), answer, 10);
        }));
        String chunks = nextTable();
        cases.add(new CorpusCase("knnAcrossManySmallChunksWithHolesFromDeletes", c -> {
            // chunk_size=8 spreads 100 rows over 13 chunks; deleting every third leaves holes in each
            SeededVectors v = new SeededVectors(77);
            Sql.execute(c, "CREATE VIRTUAL TABLE " + chunks + " USING vec0(embedding float[8], chunk_size=8)");
            java.util.Map<Long, float[]> kept = new java.util.LinkedHashMap<>();
            for (long id = 1; id <= 100; id++) {
                float[] vector = v.floats(8);
                Sql.update(c, "INSERT INTO " + chunks + "(rowid, embedding) VALUES (?, ?)", id, vector);
                kept.put(id, vector);
            }
            for (long id = 3; id <= 100; id += 3) {
                Sql.update(c, "DELETE FROM " + chunks + " WHERE rowid = ?", id);
                kept.remove(id);
            }
            float[] query = v.floats(8);
            List<Neighbor> answer = new ArrayList<>();
            for (Object[] row : Sql.rows(c, "SELECT rowid, distance FROM " + chunks
                    + " WHERE embedding MATCH ? AND k = 15 ORDER BY distance", (Object) query)) {
                answer.add(new Neighbor(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue()));
            }
            ExactKnn.assertSameNeighbors(ExactKnn.ranked(kept, x -> ExactVectorMath.l2(query, x)), answer, 15);
        }));
    }
}
