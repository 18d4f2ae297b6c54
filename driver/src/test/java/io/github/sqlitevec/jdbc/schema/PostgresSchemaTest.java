package io.github.sqlitevec.jdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The PostgreSQL rendering of a vec0 table (run against a live PostgreSQL by sqlitevec-migrate's tests). */
class PostgresSchemaTest {

    private static final Vec0Table EVERY_KIND = Vec0Table.parse("create virtual table Docs using vec0(id text primary key,"
            + " embedding float[384] distance_metric=cosine, q int8[16] distance_metric=l1, sig bit[64], Category text,"
            + " user_id integer partition key, +title text, +raw blob)");

    @Test
    void aDeclaredKeyKeepsItsNameAndEveryColumnItsNameAndCase() {
        assertEquals("create table \"Docs\" (\"id\" text primary key, \"embedding\" vector(384), \"q\" vector(16), \"sig\" bit(64),"
                + " \"Category\" text, \"user_id\" bigint, \"title\" text, \"raw\" bytea)", PostgresSchema.createTable(EVERY_KIND));
        assertEquals("id", PostgresSchema.keyColumn(EVERY_KIND));
    }

    @Test
    void aTableWithoutDeclaredKeyGetsRowidAsBigintPrimaryKey() {
        Vec0Table t = Vec0Table.named("items").vector("v", VectorElementType.FLOAT32, 3).metadata("ok", ScalarType.BOOLEAN);
        assertEquals("create table \"items\" (\"rowid\" bigint primary key, \"v\" vector(3), \"ok\" boolean)", PostgresSchema.createTable(t));
        assertEquals("rowid", PostgresSchema.keyColumn(t));
    }

    @Test
    void metadataAndPartitionColumnsGetBtreeIndexes() {
        assertEquals(List.of("create index \"Docs_Category_idx\" on \"Docs\" (\"Category\")",
                "create index \"Docs_user_id_idx\" on \"Docs\" (\"user_id\")"), PostgresSchema.createFilterIndexes(EVERY_KIND));
    }

    @Test
    void vectorIndexesUseTheOperatorClassOfTheMetric() {
        assertEquals(List.of("create index \"Docs_embedding_hnsw_idx\" on \"Docs\" using hnsw (\"embedding\" vector_cosine_ops)",
                "create index \"Docs_q_hnsw_idx\" on \"Docs\" using hnsw (\"q\" vector_l1_ops)",
                "create index \"Docs_sig_hnsw_idx\" on \"Docs\" using hnsw (\"sig\" bit_hamming_ops)"),
                PostgresSchema.createVectorIndexes(EVERY_KIND, PostgresSchema.VectorIndex.HNSW));
        assertEquals(List.of(), PostgresSchema.createVectorIndexes(EVERY_KIND, PostgresSchema.VectorIndex.NONE));
        assertEquals("create index \"t_v_ivfflat_idx\" on \"t\" using ivfflat (\"v\" vector_l2_ops) with (lists = 100)",
                PostgresSchema.createVectorIndex("t", "v", VectorElementType.FLOAT32, 8, DistanceMetric.L2, PostgresSchema.VectorIndex.IVFFLAT));
    }

    @Test
    void columnsPgvectorCannotIndexNameTheAlternative() {
        IllegalArgumentException l1 = assertThrows(IllegalArgumentException.class,
                () -> PostgresSchema.createVectorIndexes(EVERY_KIND, PostgresSchema.VectorIndex.IVFFLAT));
        assertTrue(l1.getMessage().contains("Docs.q uses L1") && l1.getMessage().contains("HNSW"), l1.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> PostgresSchema.createVectorIndex("t", "v",
                VectorElementType.FLOAT32, 3072, DistanceMetric.COSINE, PostgresSchema.VectorIndex.HNSW));
        assertTrue(wide.getMessage().contains("3072 dimensions") && wide.getMessage().contains("at most 2000"), wide.getMessage());
    }
}
