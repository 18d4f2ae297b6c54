package io.github.sqlitevec.jdbc.internal.errors;

import java.util.List;

/**
 * "If the lower-cased message contains this text, the state is that." SQLite reports most
 * statement errors, and sqlite-vec all of its own, as plain {@code SQLITE_ERROR}; the message
 * is the only thing that tells a missing table from a vector of the wrong length.
 */
final class MessageRule {
    final String text;
    final SqlState state;

    private MessageRule(String text, SqlState state) {
        this.text = text;
        this.state = state;
    }

    boolean matches(String lowerCaseMessage) {
        return lowerCaseMessage.contains(text);
    }

    private static MessageRule rule(String text, SqlState state) {
        return new MessageRule(text, state);
    }

    /** Checked in order: SQLite's own wording first, so "no such column: vector" is never a vector error. */
    static final List<MessageRule> SQLITE_ERROR_RULES = List.of(
            rule("no such table", SqlState.UNDEFINED_TABLE),
            rule("no such view", SqlState.UNDEFINED_TABLE),
            rule("no such column", SqlState.UNDEFINED_COLUMN),
            rule("no such function", SqlState.UNDEFINED_FUNCTION),
            rule("no such module", SqlState.UNDEFINED_FUNCTION),
            rule("wrong number of arguments to function", SqlState.UNDEFINED_FUNCTION),
            rule("already exists", SqlState.DUPLICATE_TABLE),
            rule("syntax error", SqlState.SYNTAX_ERROR),
            rule("incomplete input", SqlState.SYNTAX_ERROR),
            rule("unrecognized token", SqlState.SYNTAX_ERROR),
            rule("not authorized", SqlState.INSUFFICIENT_PRIVILEGE),
            rule("integer overflow", SqlState.NUMERIC_VALUE_OUT_OF_RANGE),
            // sqlite-vec: a vec0 primary key / rowid that already exists
            rule("unique constraint failed", SqlState.UNIQUE_VIOLATION),
            // sqlite-vec: the shape of a query or table definition is wrong
            rule("constraint is required on vec0 knn", SqlState.SYNTAX_ERROR),
            rule("only limit or 'k =?' can be provided", SqlState.SYNTAX_ERROR),
            rule("order by", SqlState.SYNTAX_ERROR),
            rule("vec0 constructor error", SqlState.SYNTAX_ERROR),
            rule("chunk_size must be", SqlState.SYNTAX_ERROR),
            rule("illegal where constraint", SqlState.SYNTAX_ERROR),
            rule("operators are allowed on", SqlState.SYNTAX_ERROR),
            rule("is only available on integer or text metadata", SqlState.SYNTAX_ERROR),
            rule("'rowid in (..)' operator", SqlState.SYNTAX_ERROR),
            rule("on partition key columns are not supported", SqlState.OPTIONAL_FEATURE_NOT_IMPLEMENTED),
            rule("a value was provided for the hidden", SqlState.SYNTAX_ERROR),
            // sqlite-vec: a value that is not a usable vector (its own spelling "mistmatch" included)
            rule("dimension mismatch", SqlState.INVALID_PARAMETER_VALUE),
            rule("dimension mistmatch", SqlState.INVALID_PARAMETER_VALUE),
            rule("type mistmatch", SqlState.INVALID_PARAMETER_VALUE),
            rule("zero-length vectors", SqlState.INVALID_PARAMETER_VALUE),
            rule("zero length vectors", SqlState.INVALID_PARAMETER_VALUE),
            rule("parsing error", SqlState.INVALID_PARAMETER_VALUE), // "JSON parsing error", "JSON array parsing error"
            rule("cannot calculate", SqlState.INVALID_PARAMETER_VALUE), // a distance that needs other element types
            rule("must be 'unit'", SqlState.INVALID_PARAMETER_VALUE),
            rule("binary quantization requires", SqlState.INVALID_PARAMETER_VALUE),
            rule("can only binary quantize", SqlState.INVALID_PARAMETER_VALUE),
            rule("only float32 vectors are supported", SqlState.INVALID_PARAMETER_VALUE),
            rule("key type mismatch", SqlState.INVALID_PARAMETER_VALUE),
            rule("was declared with a text primary", SqlState.INVALID_PARAMETER_VALUE),
            rule("k value in knn", SqlState.INVALID_PARAMETER_VALUE),
            rule("vector blob length", SqlState.INVALID_PARAMETER_VALUE),
            rule("unknown type for", SqlState.INVALID_PARAMETER_VALUE),
            rule("input must have type", SqlState.INVALID_PARAMETER_VALUE),
            rule("error reading 1st vector", SqlState.INVALID_PARAMETER_VALUE),
            rule("error reading 2nd vector", SqlState.INVALID_PARAMETER_VALUE),
            rule("inserted vector", SqlState.INVALID_PARAMETER_VALUE),
            rule("query vector", SqlState.INVALID_PARAMETER_VALUE),
            rule("metadata column", SqlState.INVALID_PARAMETER_VALUE),
            rule("must be divisible by 8", SqlState.INVALID_PARAMETER_VALUE),
            rule("must be a postive number", SqlState.INVALID_PARAMETER_VALUE),
            rule("slice 'start' index", SqlState.INVALID_PARAMETER_VALUE),
            rule("slice 'end' index", SqlState.INVALID_PARAMETER_VALUE),
            rule("two bitvectors", SqlState.INVALID_PARAMETER_VALUE),
            rule("input argument is required", SqlState.INVALID_PARAMETER_VALUE));

    static final List<MessageRule> DRIVER_RULES = List.of(
            rule("database connection closed", SqlState.CONNECTION_DOES_NOT_EXIST),
            rule("connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST),
            rule("connection closed", SqlState.CONNECTION_DOES_NOT_EXIST),
            rule("not executing", SqlState.FUNCTION_SEQUENCE_ERROR),
            rule("closed", SqlState.FUNCTION_SEQUENCE_ERROR),
            rule("out of bounds", SqlState.INVALID_DESCRIPTOR_INDEX), // "column 0 out of bounds [1,1]"
            rule("no such column", SqlState.UNDEFINED_COLUMN),
            // executeQuery on a statement without rows; not "Query does not return results" (executeUpdate on a SELECT)
            rule("does not return resultset", SqlState.NO_DATA));
}
