package io.github.sqlitevec.jooq;

import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ data types for sqlite-vec's three vector kinds, each a {@link SQLDataType#BLOB} converted
 * by a vector binding:
 *
 * <pre>{@code
 * Field<float[]>   embedding = field(name("docs", "embedding"), SqliteVecDataTypes.float32(384));
 * Field<byte[]>    quantized = field(name("docs", "embedding_i8"), SqliteVecDataTypes.int8(384));
 * Field<boolean[]> bits      = field(name("docs", "embedding_bq"), SqliteVecDataTypes.bit(384));
 * }</pre>
 *
 * <p>The typed variants ({@code float32(384)}) throw {@link org.jooq.exception.DataTypeException}
 * for a vector of any other length when it is bound or read; the constants accept any length.
 * Any {@code Field<byte[]>} can be viewed as vectors with
 * {@code field.getDataType().asConvertedDataType(new Float32VectorBinding(384))}. All values are
 * immutable and thread-safe.
 */
public final class SqliteVecDataTypes {

    /** float32 vectors of any dimension count, bound as {@code ?}. */
    public static final DataType<float[]> FLOAT32 = float32(0);

    /** int8 vectors of any dimension count, bound as {@code vec_int8(?)}. */
    public static final DataType<byte[]> INT8 = int8(0);

    /** Bit vectors of any (multiple of 8) dimension count, bound as {@code vec_bit(?)}. */
    public static final DataType<boolean[]> BIT = bit(0);

    private SqliteVecDataTypes() {}

    /** float32 vectors of exactly {@code dimensions} elements ({@code float[dimensions]} in vec0). */
    public static DataType<float[]> float32(int dimensions) {
        return SQLDataType.BLOB.asConvertedDataType(new Float32VectorBinding(dimensions));
    }

    /** int8 vectors of exactly {@code dimensions} elements ({@code int8[dimensions]} in vec0). */
    public static DataType<byte[]> int8(int dimensions) {
        return SQLDataType.BLOB.asConvertedDataType(new Int8VectorBinding(dimensions));
    }

    /** Bit vectors of exactly {@code dimensions} bits, a multiple of 8 ({@code bit[dimensions]} in vec0). */
    public static DataType<boolean[]> bit(int dimensions) {
        return SQLDataType.BLOB.asConvertedDataType(new BitVectorBinding(dimensions));
    }
}
