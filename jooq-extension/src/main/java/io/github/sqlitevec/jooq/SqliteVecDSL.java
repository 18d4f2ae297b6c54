package io.github.sqlitevec.jooq;

import io.github.sqlitevec.jdbc.schema.DistanceMetric;
import io.github.sqlitevec.jdbc.schema.VectorElementType;

import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The static entry point for sqlite-vec in jOOQ, in the style of {@link DSL}: one method per
 * sqlite-vec SQL function, the KNN condition for {@code vec0} tables, {@code vec0} DDL and two
 * search recipes. Import it statically next to {@code DSL}:
 *
 * <pre>{@code
 * import static io.github.sqlitevec.jooq.SqliteVecDSL.*;
 *
 * ctx.select(DOCS.ID, distance(DOCS))
 *    .from(DOCS)
 *    .where(knn(DOCS.EMBEDDING, queryVector).k(10).and(DOCS.CATEGORY.eq("news")))
 *    .fetch();
 * // select docs.id, docs.distance from docs
 * // where (docs.embedding match ? and docs.k = ? and docs.category = ?)
 * }</pre>
 *
 * <p>(Rendered SQL in this Javadoc is shown with unquoted names; jOOQ quotes according to your
 * {@code Settings}.)
 *
 * <p>Vector arguments are {@code Field}s or plain Java arrays: {@code float[]} (float32),
 * {@code byte[]} (int8) and {@code boolean[]} (bit). A Java value takes the data type of the field
 * it is combined with (so a value compared with an {@code int8} column is bound as
 * {@code vec_int8(?)}); on its own, a {@code float[]} is bound as a float32 blob. Every query
 * part returned is immutable and thread-safe.
 */
public final class SqliteVecDSL {

    private SqliteVecDSL() {}

    // ------------------------------------------------------------------ distances

    /** {@code vec_distance_l2(a, b)}: Euclidean distance of two vectors of the same kind and length. */
    public static <V> Field<Double> vecDistanceL2(Field<V> a, Field<V> b) {
        return function("vec_distance_l2", SQLDataType.DOUBLE, a, b);
    }

    /** {@code vec_distance_l2(a, ?)}, the value bound with {@code a}'s vector type. */
    public static <V> Field<Double> vecDistanceL2(Field<V> a, V b) {
        return vecDistanceL2(a, vectorValue(b, a));
    }

    /** {@code vec_distance_cosine(a, b)}: 1 − cosine similarity, in [0, 2]. */
    public static <V> Field<Double> vecDistanceCosine(Field<V> a, Field<V> b) {
        return function("vec_distance_cosine", SQLDataType.DOUBLE, a, b);
    }

    /** {@code vec_distance_cosine(a, ?)}, the value bound with {@code a}'s vector type. */
    public static <V> Field<Double> vecDistanceCosine(Field<V> a, V b) {
        return vecDistanceCosine(a, vectorValue(b, a));
    }

    /** {@code vec_distance_l1(a, b)}: Manhattan distance (sum of absolute differences). */
    public static <V> Field<Double> vecDistanceL1(Field<V> a, Field<V> b) {
        return function("vec_distance_l1", SQLDataType.DOUBLE, a, b);
    }

    /** {@code vec_distance_l1(a, ?)}, the value bound with {@code a}'s vector type. */
    public static <V> Field<Double> vecDistanceL1(Field<V> a, V b) {
        return vecDistanceL1(a, vectorValue(b, a));
    }

    /** {@code vec_distance_hamming(a, b)}: the number of differing bits of two bit vectors. */
    public static Field<Double> vecDistanceHamming(Field<boolean[]> a, Field<boolean[]> b) {
        return function("vec_distance_hamming", SQLDataType.DOUBLE, a, b);
    }

    /** {@code vec_distance_hamming(a, vec_bit(?))}. */
    public static Field<Double> vecDistanceHamming(Field<boolean[]> a, boolean[] b) {
        return vecDistanceHamming(a, vectorValue(b, a));
    }

    /** {@code vec_distance_<metric>(a, b)} for a metric chosen at run time. */
    public static <V> Field<Double> vecDistance(DistanceMetric metric, Field<V> a, Field<V> b) {
        return function(metric.sqliteFunction(), SQLDataType.DOUBLE, a, b);
    }

    // ------------------------------------------------------------------ inspection

    /** {@code vec_length(v)}: the number of dimensions (elements, or bits for a bit vector). */
    public static Field<Integer> vecLength(Field<?> vector) {
        return function("vec_length", SQLDataType.INTEGER, vector);
    }

    /** {@code vec_length(?)} of a float32 vector. */
    public static Field<Integer> vecLength(float[] vector) {
        return vecLength(bind(vector, SqliteVecDataTypes.FLOAT32));
    }

    /** {@code vec_type(v)}: {@code 'float32'}, {@code 'int8'} or {@code 'bit'}. */
    public static Field<String> vecType(Field<?> vector) {
        return function("vec_type", SQLDataType.VARCHAR, vector);
    }

    /** {@code vec_to_json(v)}: the vector as JSON text, e.g. {@code [0.600000,0.800000]}. */
    public static Field<String> vecToJson(Field<?> vector) {
        return function("vec_to_json", SQLDataType.VARCHAR, vector);
    }

    /** {@code vec_to_json(?)} of a float32 vector. */
    public static Field<String> vecToJson(float[] vector) {
        return vecToJson(bind(vector, SqliteVecDataTypes.FLOAT32));
    }

    /** {@code vec_version()}: the loaded sqlite-vec's version, e.g. {@code v0.1.9}. */
    public static Field<String> vecVersion() {
        return function("vec_version", SQLDataType.VARCHAR);
    }

    // ------------------------------------------------------------------ constructors

    /** {@code vec_f32(v)}: a float32 vector from a blob or JSON text (validates it). */
    public static Field<float[]> vecF32(Field<?> blobOrJson) {
        return function("vec_f32", SqliteVecDataTypes.FLOAT32, blobOrJson);
    }

    /** {@code vec_f32(?)} of JSON text such as {@code "[0.1, 0.2]"}. */
    public static Field<float[]> vecF32(String json) {
        return vecF32(val(json, SQLDataType.VARCHAR));
    }

    /** {@code vec_int8(v)}: an int8 vector from a blob (one byte per element) or JSON text. */
    public static Field<byte[]> vecInt8(Field<?> blobOrJson) {
        return function("vec_int8", SqliteVecDataTypes.INT8, blobOrJson);
    }

    /** {@code vec_int8(?)} of JSON text such as {@code "[1, -2, 3]"}. */
    public static Field<byte[]> vecInt8(String json) {
        return vecInt8(val(json, SQLDataType.VARCHAR));
    }

    /** {@code vec_bit(v)}: a bit vector from a blob (8 bits per byte, least significant first). */
    public static Field<boolean[]> vecBit(Field<?> blob) {
        return function("vec_bit", SqliteVecDataTypes.BIT, blob);
    }

    /** {@code vec_bit(?)}: the bits bound as their packed blob. */
    public static Field<boolean[]> vecBit(boolean[] bits) {
        return bind(bits, SqliteVecDataTypes.BIT);
    }

    // ------------------------------------------------------------------ arithmetic and shaping

    /** {@code vec_normalize(v)}: the float32 vector scaled to length 1 (L2 norm). */
    public static Field<float[]> vecNormalize(Field<float[]> vector) {
        return function("vec_normalize", vector.getDataType(), vector);
    }

    /** {@code vec_normalize(?)}. */
    public static Field<float[]> vecNormalize(float[] vector) {
        return vecNormalize(bind(vector, SqliteVecDataTypes.FLOAT32));
    }

    /**
     * {@code vec_slice(v, start, end)}: elements {@code start} (inclusive) to {@code end}
     * (exclusive), counted from 0 — e.g. to truncate Matryoshka embeddings. For bit vectors both
     * bounds are multiples of 8.
     */
    public static <V> Field<V> vecSlice(Field<V> vector, int start, int end) {
        return vecSlice(vector, inline(start), inline(end));
    }

    /** {@code vec_slice(v, start, end)} with bounds from SQL expressions. */
    public static <V> Field<V> vecSlice(Field<V> vector, Field<Integer> start, Field<Integer> end) {
        return function("vec_slice", anyDimensions(vector), vector, start, end);
    }

    /** {@code vec_slice(?, start, end)} of a float32 vector. */
    public static Field<float[]> vecSlice(float[] vector, int start, int end) {
        return vecSlice(bind(vector, SqliteVecDataTypes.FLOAT32), start, end);
    }

    /** {@code vec_add(a, b)}: element-wise sum of two float32 or two int8 vectors. */
    public static <V> Field<V> vecAdd(Field<V> a, Field<V> b) {
        return function("vec_add", a.getDataType(), a, b);
    }

    /** {@code vec_add(a, ?)}, the value bound with {@code a}'s vector type. */
    public static <V> Field<V> vecAdd(Field<V> a, V b) {
        return vecAdd(a, vectorValue(b, a));
    }

    /** {@code vec_sub(a, b)}: element-wise difference of two float32 or two int8 vectors. */
    public static <V> Field<V> vecSub(Field<V> a, Field<V> b) {
        return function("vec_sub", a.getDataType(), a, b);
    }

    /** {@code vec_sub(a, ?)}, the value bound with {@code a}'s vector type. */
    public static <V> Field<V> vecSub(Field<V> a, V b) {
        return vecSub(a, vectorValue(b, a));
    }

    // ------------------------------------------------------------------ quantization

    /**
     * {@code vec_quantize_binary(v)}: one bit per element, set where the element is positive — the
     * coarse vector of binary-quantized search. The result has as many bits as {@code v} has
     * elements (a multiple of 8).
     */
    public static Field<boolean[]> vecQuantizeBinary(Field<float[]> vector) {
        return function("vec_quantize_binary", SqliteVecDataTypes.BIT, vector);
    }

    /** {@code vec_quantize_binary(?)}. */
    public static Field<boolean[]> vecQuantizeBinary(float[] vector) {
        return vecQuantizeBinary(bind(vector, SqliteVecDataTypes.FLOAT32));
    }

    /**
     * {@code vec_quantize_int8(v, 'unit')}: each element of a vector whose elements lie in
     * [-1, 1] (e.g. a normalized embedding) mapped linearly to [-128, 127]. {@code 'unit'} is the
     * only scheme sqlite-vec 0.1.9 implements.
     */
    public static Field<byte[]> vecQuantizeInt8(Field<float[]> vector) {
        return function("vec_quantize_int8", SqliteVecDataTypes.INT8, vector, inline("unit"));
    }

    /** {@code vec_quantize_int8(?, 'unit')}. */
    public static Field<byte[]> vecQuantizeInt8(float[] vector) {
        return vecQuantizeInt8(bind(vector, SqliteVecDataTypes.FLOAT32));
    }

    // ------------------------------------------------------------------ vec_each

    /**
     * The table-valued function {@code vec_each(v)}: one row per element, with the element's
     * position in {@link VecEach#index()} and its value in {@link VecEach#value()}:
     * <pre>{@code
     * VecEach e = vecEach(new float[] {1, 2, 3});
     * ctx.select(e.index(), e.value()).from(e.asTable()).fetch();
     * // select vec_each.rowid, vec_each.value from vec_each(?) as vec_each
     * }</pre>
     */
    public static VecEach vecEach(Field<?> vector) {
        return new VecEach(vector);
    }

    /** {@code vec_each(?)} of a float32 vector. */
    public static VecEach vecEach(float[] vector) {
        return vecEach(bind(vector, SqliteVecDataTypes.FLOAT32));
    }

    // ------------------------------------------------------------------ KNN on vec0

    /**
     * The start of a KNN condition on a {@code vec0} vector column; finish it with
     * {@link Knn#k(int)}:
     * <pre>{@code
     * knn(DOCS.EMBEDDING, q).k(10)                // docs.embedding match ? and docs.k = ?
     * knn(DOCS.EMBEDDING, q).k(10).and(DOCS.CATEGORY.eq("news")).and(distance(DOCS).lt(0.5))
     * }</pre>
     * The query vector takes the column's data type, so an int8 column is matched with
     * {@code vec_int8(?)} and a bit column with {@code vec_bit(?)}.
     */
    public static <V> Knn knn(Field<V> vectorColumn, V queryVector) {
        return knn(vectorColumn, vectorValue(queryVector, vectorColumn));
    }

    /** A KNN condition whose query vector is an SQL expression, e.g. a scalar subquery or {@code vec_quantize_binary(?)}. */
    public static <V> Knn knn(Field<V> vectorColumn, Field<V> queryVector) {
        return new Knn(vectorColumn, queryVector);
    }

    /**
     * The unqualified {@code distance} column a {@code vec0} KNN query returns; prefer
     * {@link #distance(Table)} when more than one table is in scope.
     */
    public static Field<Double> distance() {
        return DSL.field(DSL.name("distance"), SQLDataType.DOUBLE);
    }

    /** The {@code distance} column of {@code vec0} table {@code table}, e.g. {@code docs.distance}. */
    public static Field<Double> distance(Table<?> table) {
        return DSL.field(table.getQualifiedName().append("distance"), SQLDataType.DOUBLE);
    }

    /**
     * The {@code rowid} of a table, e.g. {@code docs.rowid}. A {@code vec0} table that declares a
     * primary key hides its rowid: use the key column there.
     */
    public static Field<Long> rowid(Table<?> table) {
        return DSL.field(table.getQualifiedName().append("rowid"), SQLDataType.BIGINT);
    }

    // ------------------------------------------------------------------ DDL

    /**
     * A {@code create virtual table <name> using vec0(...)} statement to fill in:
     * <pre>{@code
     * ctx.execute(createVec0Table("docs")
     *     .primaryKey("id")
     *     .vector("embedding", VectorElementType.FLOAT32, 384, DistanceMetric.COSINE)
     *     .metadata("category", SQLDataType.VARCHAR)
     *     .partitionKey("user_id", SQLDataType.BIGINT)
     *     .auxiliary("title", SQLDataType.VARCHAR)
     *     .chunkSize(256)
     *     .toQuery());
     * // create virtual table docs using vec0(id integer primary key,
     * //   embedding float[384] distance_metric=cosine, category text,
     * //   user_id integer partition key, +title text, chunk_size=256)
     * }</pre>
     * Every step validates against sqlite-vec 0.1.9's rules and throws
     * {@link IllegalArgumentException} naming the fix, before any SQL is sent.
     */
    public static CreateVec0Table createVec0Table(String tableName) {
        return CreateVec0Table.named(tableName);
    }

    // ------------------------------------------------------------------ recipes

    /**
     * Binary-quantized search with exact re-scoring, as one query: a coarse KNN over the bit
     * column (Hamming distance) fetches {@code k × oversample} candidates, which are re-ranked by
     * the exact float32 distance. {@code key} is the table's integer or text primary key (vec0
     * hides {@code rowid} when one is declared); use {@link #rowid(Table)} for tables without one.
     * <pre>{@code
     * binaryQuantizedSearch(DOCS.ID, DOCS.EMBEDDING_BQ, DOCS.EMBEDDING, q).oversample(8).k(10).fetch();
     * // with coarse as (select docs.id from docs
     * //     where (docs.embedding_bq match vec_quantize_binary(?) and docs.k = ?))
     * // select docs.id, vec_distance_l2(docs.embedding, ?) as distance
     * // from coarse join docs on docs.id = coarse.id
     * // order by distance asc, docs.id asc limit ?
     * }</pre>
     */
    public static <K> QuantizedSearch<K> binaryQuantizedSearch(Field<K> key, Field<boolean[]> bitColumn, Field<float[]> exactColumn, float[] query) {
        return QuantizedSearch.of(key, bitColumn, vecQuantizeBinary(query), exactColumn, query);
    }

    /**
     * int8-quantized search with exact re-scoring: like {@link #binaryQuantizedSearch}, with the
     * coarse pass over an int8 column matched with {@code vec_quantize_int8(?, 'unit')} (the
     * column must hold vectors quantized the same way, e.g. inserted through
     * {@link #vecQuantizeInt8(Field)}).
     */
    public static <K> QuantizedSearch<K> int8QuantizedSearch(Field<K> key, Field<byte[]> int8Column, Field<float[]> exactColumn, float[] query) {
        return QuantizedSearch.of(key, int8Column, vecQuantizeInt8(query), exactColumn, query);
    }

    /**
     * Hybrid search: full-text BM25 ranking from an FTS5 table and vector KNN from a
     * {@code vec0} table, fused by reciprocal rank ({@code score = Σ weight / (rrfK + rank)})
     * into one query. The FTS5 table's rowid must equal the vec0 table's integer {@code key}
     * (its primary key, or {@link #rowid(Table)} when it declares none). See {@link HybridSearch}
     * for the SQL.
     */
    public static HybridSearch hybridSearch(Table<?> fts5Table, String fullTextQuery, Field<Long> key, Field<float[]> vectorColumn, float[] queryVector) {
        return HybridSearch.of(fts5Table, fullTextQuery, key, vectorColumn, queryVector);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * A bind value typed like {@code like}: it gets {@code like}'s binding, so its
     * vec_int8/vec_bit marker, and its dimension check (a 3-dimensional query against a
     * {@code float[4]} column fails in Java, not in SQLite).
     */
    static <V> Field<V> vectorValue(V value, Field<V> like) {
        return bind(value, like.getDataType());
    }

    /**
     * {@code val(value, type)}, converted once right away: jOOQ would otherwise convert at bind
     * time and wrap a bad vector's {@link org.jooq.exception.DataTypeException} in a
     * DataAccessException without the SQL; this way the caller gets the DataTypeException itself,
     * at the line that built the query.
     */
    @SuppressWarnings("unchecked")
    static <V> Field<V> bind(V value, DataType<V> type) {
        if (value != null) {
            ((org.jooq.Converter<Object, V>) type.getConverter()).to(value);
        }
        return val(value, type);
    }

    /**
     * {@code field}'s vector data type without its dimension check: results of vec_slice and bind
     * values derived from a query have their own length.
     */
    @SuppressWarnings("unchecked")
    static <V> DataType<V> anyDimensions(Field<V> field) {
        DataType<V> type = field.getDataType();
        Object binding = type.getBinding();
        if (binding instanceof Float32VectorBinding) {
            return (DataType<V>) SqliteVecDataTypes.FLOAT32;
        } else if (binding instanceof Int8VectorBinding) {
            return (DataType<V>) SqliteVecDataTypes.INT8;
        } else if (binding instanceof BitVectorBinding) {
            return (DataType<V>) SqliteVecDataTypes.BIT;
        }
        return type;
    }

    static Name qualifierOf(Field<?> column) {
        Name name = column.getQualifiedName();
        return name.qualified() ? name.qualifier() : null;
    }
}
