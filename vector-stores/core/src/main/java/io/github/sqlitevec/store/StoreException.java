package io.github.sqlitevec.store;

import java.sql.SQLException;

/**
 * A database error while the store read or wrote (the {@link SQLException} is the cause, with its
 * SQLState). Bad input is reported as {@link IllegalArgumentException} before anything is written.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
