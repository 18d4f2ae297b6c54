package io.github.sqlitevec.hibernate.internal.validation;

import io.github.sqlitevec.hibernate.VectorDimensionException;
import io.github.sqlitevec.hibernate.internal.types.VectorKind;

/** One mapped vector attribute with declared dimensions: what a value must look like before it is written. */
record VectorColumnSpec(String entityName, String attribute, String column, VectorKind kind, int dimensions) {

    void check(Object value) {
        if (value == null) {
            return;
        }
        int found = kind.dimensionsOf(value);
        if (found != dimensions) {
            String unit = kind == VectorKind.BIT ? " bits (" + found / 8 + " bytes)" : " dimensions";
            throw new VectorDimensionException("vector has " + found + unit + ", column " + column + " expects "
                    + dimensions + (kind == VectorKind.BIT ? " bits" : "") + " (@Array(length = " + dimensions + ") on "
                    + entityName + "." + attribute + ")");
        }
    }
}
