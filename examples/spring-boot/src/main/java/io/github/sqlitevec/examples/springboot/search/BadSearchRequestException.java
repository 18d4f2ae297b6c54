package io.github.sqlitevec.examples.springboot.search;

/** A search request the service cannot answer as sent; its message tells the caller what to change. */
class BadSearchRequestException extends RuntimeException {
    BadSearchRequestException(String message) {
        super(message);
    }
}
