package io.github.sqlitevec.migrate;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for NULL, backslash escapes. */
final class CopyText {

    private final StringBuilder buffer = new StringBuilder(1 << 20);
    private boolean rowStarted;

    /** Appends one field of the current row; null is NULL. */
    void field(String text) {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
        if (text == null) {
            buffer.append("\\N");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\':
                    buffer.append("\\\\");
                    break;
                case '\t':
                    buffer.append("\\t");
                    break;
                case '\n':
                    buffer.append("\\n");
                    break;
                case '\r':
                    buffer.append("\\r");
                    break;
                default:
                    buffer.append(c);
            }
        }
    }

    void endRow() {
        buffer.append('\n');
        rowStarted = false;
    }

    int length() {
        return buffer.length();
    }

    /** The buffered rows as UTF-8, emptying the buffer. */
    byte[] drain() {
        byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        buffer.setLength(0);
        return bytes;
    }
}
