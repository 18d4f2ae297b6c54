package io.github.sqlitevec.hibernate.internal.types;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.type.descriptor.sql.internal.DdlTypeImpl;

/**
 * Column type of a vector in an ordinary table, e.g. {@code float32_blob(384)}: the dimensions come from
 * {@code @Array(length = 384)}, which Hibernate passes as the array length rather than as a length.
 */
final class VectorColumnDdlType extends DdlTypeImpl {

    private final String baseName;

    VectorColumnDdlType(int sqlTypeCode, VectorKind kind, Dialect dialect) {
        super(sqlTypeCode, kind.columnTypeName() + "($l)", "blob", dialect);
        this.baseName = kind.columnTypeName();
    }

    @Override
    public String getTypeName(Size size) {
        Integer dimensions = size.getArrayLength();
        return dimensions == null ? baseName : baseName + "(" + dimensions + ")";
    }

    @Override
    public String getTypeName(Long size, Integer precision, Integer scale) {
        return size == null ? baseName : baseName + "(" + size + ")";
    }
}
