package io.github.sqlitevec.hibernate;

import org.hibernate.HibernateException;

/**
 * A vector whose number of dimensions differs from its column's {@code @Array(length = N)}, or a vector
 * mapping sqlite-vec cannot store. Thrown before any SQL is sent (on flush, or at boot for mappings);
 * the message names the attribute, the column, the dimensions found and the dimensions expected.
 */
public class VectorDimensionException extends HibernateException {

    private static final long serialVersionUID = 1L;

    public VectorDimensionException(String message) {
        super(message);
    }
}
