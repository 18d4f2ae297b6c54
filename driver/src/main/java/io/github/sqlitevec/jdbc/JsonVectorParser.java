package io.github.sqlitevec.jdbc;

import java.util.Arrays;

/** Parses one JSON array of numbers into floats; strict JSON numbers, no NaN or infinities. */
final class JsonVectorParser {
    private final String text;
    private int pos;

    JsonVectorParser(String text) {
        this.text = text;
    }

    float[] parse() {
        skipSpace();
        expect('[');
        float[] values = new float[16];
        int count = 0;
        skipSpace();
        if (peek() != ']') {
            while (true) {
                skipSpace();
                if (count == values.length) {
                    values = Arrays.copyOf(values, count * 2);
                }
                values[count++] = number();
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    break;
                }
            }
        }
        expect(']');
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected text after the closing ']'");
        }
        if (count == 0) {
            throw new IllegalArgumentException("a vector needs at least one dimension; sqlite-vec does not support zero-length vectors");
        }
        return Arrays.copyOf(values, count);
    }

    private float number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = digits();
        if (digits == 0) {
            throw error("expected a number");
        }
        if (peek() == '.') {
            pos++;
            if (digits() == 0) {
                throw error("expected digits after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (digits() == 0) {
                throw error("expected digits in the exponent");
            }
        }
        float value = Float.parseFloat(text.substring(start, pos));
        if (Float.isInfinite(value)) {
            throw new IllegalArgumentException("JSON vector element " + text.substring(start, pos)
                    + " at position " + start + " is out of float32 range");
        }
        return value;
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return new IllegalArgumentException("malformed JSON vector at position " + pos + ": " + what
                + " in \"" + shown + "\"; a JSON vector is an array of numbers such as [0.1, 0.2]");
    }
}
