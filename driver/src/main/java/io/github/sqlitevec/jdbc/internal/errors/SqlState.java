package io.github.sqlitevec.jdbc.internal.errors;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * Every SQLState this driver produces. Errors sqlite-jdbc raises keep their own class and only
 * gain the state; the JDBC 4 class named here is used for errors only this driver raises (a bad
 * vector, a missing native, a query timeout). Codes follow SQL:2016 and PostgreSQL's table where
 * the standard is silent, so tools that classify pgvector errors classify ours the same way
 * (ARCHITECTURE.md §6).
 */
public enum SqlState {
    UNIQUE_VIOLATION("23505", Kind.INTEGRITY),
    FOREIGN_KEY_VIOLATION("23503", Kind.INTEGRITY),
    NOT_NULL_VIOLATION("23502", Kind.INTEGRITY),
    CHECK_VIOLATION("23514", Kind.INTEGRITY),
    INTEGRITY_CONSTRAINT_VIOLATION("23000", Kind.INTEGRITY),

    /** Busy or locked: the transaction lost a race and may be retried. */
    SERIALIZATION_FAILURE("40001", Kind.ROLLBACK),
    TRANSACTION_ROLLBACK("40000", Kind.ROLLBACK),

    QUERY_CANCELED("57014", Kind.TIMEOUT),
    READ_ONLY_SQL_TRANSACTION("25006", Kind.NON_TRANSIENT),
    DISK_FULL("53100", Kind.NON_TRANSIENT),
    OUT_OF_MEMORY("53200", Kind.TRANSIENT),
    IO_ERROR("58030", Kind.RECOVERABLE),
    DATA_CORRUPTED("XX001", Kind.NON_TRANSIENT),
    /** Only while a connection is being opened: pools evict connections on any 08 state. */
    CONNECTION_FAILURE("08001", Kind.CONNECTION),
    CONNECTION_DOES_NOT_EXIST("08003", Kind.CONNECTION),
    INVALID_AUTHORIZATION("28000", Kind.AUTHORIZATION),

    DATA_EXCEPTION("22000", Kind.DATA),
    NUMERIC_VALUE_OUT_OF_RANGE("22003", Kind.DATA),
    /** A vector sqlite-vec cannot use: wrong dimensions, bad JSON, wrong element type. */
    INVALID_PARAMETER_VALUE("22023", Kind.DATA),
    PROGRAM_LIMIT_EXCEEDED("54000", Kind.DATA),

    SYNTAX_ERROR("42601", Kind.SYNTAX),
    INSUFFICIENT_PRIVILEGE("42501", Kind.SYNTAX),
    UNDEFINED_TABLE("42P01", Kind.SYNTAX),
    UNDEFINED_COLUMN("42703", Kind.SYNTAX),
    UNDEFINED_FUNCTION("42883", Kind.SYNTAX),
    DUPLICATE_TABLE("42P07", Kind.SYNTAX),

    /**
     * An optional JDBC method or SQL feature that is not implemented. Deliberately not 0A000:
     * HikariCP evicts a connection on 0A000, and Hibernate probes such methods at every boot.
     */
    OPTIONAL_FEATURE_NOT_IMPLEMENTED("HYC00", Kind.FEATURE),
    /** executeQuery on a statement that returns no rows (pgjdbc reports the same). */
    NO_DATA("02000", Kind.GENERAL),
    INVALID_DESCRIPTOR_INDEX("07009", Kind.GENERAL),
    FUNCTION_SEQUENCE_ERROR("HY010", Kind.GENERAL),
    GENERAL_ERROR("HY000", Kind.GENERAL);

    private final String code;
    private final Kind kind;

    SqlState(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The five-character SQLState. */
    public String code() {
        return code;
    }

    /** A new exception of the JDBC subclass that matches this state. */
    public SQLException newException(String message, int vendorCode, Throwable cause) {
        return kind.create(message, code, vendorCode, cause);
    }

    private enum Kind {
        INTEGRITY { SQLException create(String m, String s, int v, Throwable c) { return new SQLIntegrityConstraintViolationException(m, s, v, c); } },
        ROLLBACK { SQLException create(String m, String s, int v, Throwable c) { return new SQLTransactionRollbackException(m, s, v, c); } },
        TIMEOUT { SQLException create(String m, String s, int v, Throwable c) { return new SQLTimeoutException(m, s, v, c); } },
        NON_TRANSIENT { SQLException create(String m, String s, int v, Throwable c) { return new SQLNonTransientException(m, s, v, c); } },
        TRANSIENT { SQLException create(String m, String s, int v, Throwable c) { return new SQLTransientException(m, s, v, c); } },
        RECOVERABLE { SQLException create(String m, String s, int v, Throwable c) { return new SQLRecoverableException(m, s, v, c); } },
        CONNECTION { SQLException create(String m, String s, int v, Throwable c) { return new SQLNonTransientConnectionException(m, s, v, c); } },
        AUTHORIZATION { SQLException create(String m, String s, int v, Throwable c) { return new SQLInvalidAuthorizationSpecException(m, s, v, c); } },
        DATA { SQLException create(String m, String s, int v, Throwable c) { return new SQLDataException(m, s, v, c); } },
        SYNTAX { SQLException create(String m, String s, int v, Throwable c) { return new SQLSyntaxErrorException(m, s, v, c); } },
        FEATURE { SQLException create(String m, String s, int v, Throwable c) { return new SQLFeatureNotSupportedException(m, s, v, c); } },
        GENERAL { SQLException create(String m, String s, int v, Throwable c) { return new SQLException(m, s, v, c); } };

        abstract SQLException create(String message, String state, int vendorCode, Throwable cause);
    }
}
