package io.github.sqlitevec.jdbc.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code create virtual table … using vec0(…)} statement back into a {@link Vec0Table}
 * (what {@code sqlite_master.sql} holds). The grammar follows sqlite-vec 0.1.9's constructor: the
 * arguments are comma-separated, each one a table option, an auxiliary column, a key column, a
 * vector column or a metadata column, with keywords in any case.
 */
final class Vec0Declaration {

    private static final Pattern STATEMENT = Pattern.compile(
            "(?is)\\s*create\\s+virtual\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(?:(?:\"[^\"]+\"|\\S+?)\\s*\\.\\s*)?"
                    + "(\"[^\"]+\"|\\[[^\\]]+\\]|`[^`]+`|'[^']+'|[^\\s(]+)\\s+using\\s+vec0\\s*\\((.*)\\)\\s*;?\\s*");
    private static final Pattern CHUNK_SIZE = Pattern.compile("(?i)chunk_size\\s*=\\s*(\\d+)");
    private static final Pattern AUXILIARY = Pattern.compile("\\+\\s*(\\S+)\\s+(\\w+)");
    private static final Pattern PRIMARY_KEY = Pattern.compile("(?i)(\\S+)\\s+(\\w+)\\s+primary\\s+key(?:\\s+autoincrement)?");
    private static final Pattern PARTITION_KEY = Pattern.compile("(?i)(\\S+)\\s+(\\w+)\\s+partition\\s+key");
    private static final Pattern VECTOR = Pattern.compile("(?i)(\\S+)\\s+(\\w+)\\s*\\[\\s*(\\d+)\\s*\\]((?:\\s*distance_metric\\s*=\\s*\\w+)*)");
    private static final Pattern METRIC = Pattern.compile("(?i)distance_metric\\s*=\\s*(\\w+)");
    private static final Pattern METADATA = Pattern.compile("(\\S+)\\s+(\\w+)");

    private Vec0Declaration() {}

    static Vec0Table parse(String sql) {
        Matcher statement = sql == null ? null : STATEMENT.matcher(sql);
        if (statement == null || !statement.matches()) {
            throw new IllegalArgumentException("not a create virtual table ... using vec0(...) statement: " + sql);
        }
        String tableName = unquote(statement.group(1));
        Vec0Table table = Vec0Table.named(tableName);
        for (String argument : statement.group(2).split(",")) {
            String part = argument.trim();
            if (!part.isEmpty()) {
                table = add(table, part);
            }
        }
        return table.requireComplete();
    }

    private static Vec0Table add(Vec0Table table, String part) {
        Matcher m;
        if ((m = CHUNK_SIZE.matcher(part)).matches()) {
            return table.chunkSize(Integer.parseInt(m.group(1)));
        }
        if ((m = AUXILIARY.matcher(part)).matches()) {
            return table.auxiliary(m.group(1), scalar(table, part, m.group(2)));
        }
        if ((m = PRIMARY_KEY.matcher(part)).matches()) {
            return table.primaryKey(m.group(1), scalar(table, part, m.group(2)));
        }
        if ((m = PARTITION_KEY.matcher(part)).matches()) {
            return table.partitionKey(m.group(1), scalar(table, part, m.group(2)));
        }
        if ((m = VECTOR.matcher(part)).matches()) {
            VectorElementType type = VectorElementType.fromSqliteName(m.group(2));
            if (type == null) {
                throw new IllegalArgumentException("vec0 table " + table.name() + ": unknown vector element type " + m.group(2)
                        + " in '" + part + "'; sqlite-vec 0.1.9 knows float, int8 and bit");
            }
            DistanceMetric metric = null;
            Matcher metrics = METRIC.matcher(m.group(4));
            while (metrics.find()) {
                metric = DistanceMetric.fromDeclaredName(metrics.group(1));
                if (metric == null) {
                    throw new IllegalArgumentException("vec0 table " + table.name() + ": unknown distance_metric " + metrics.group(1)
                            + " in '" + part + "'; sqlite-vec 0.1.9 knows l2, cosine and l1");
                }
            }
            return table.vector(m.group(1), type, parseDimensions(table, part, m.group(3)), metric);
        }
        if ((m = METADATA.matcher(part)).matches()) {
            return table.metadata(m.group(1), scalar(table, part, m.group(2)));
        }
        throw new IllegalArgumentException("vec0 table " + table.name() + ": cannot read the column declaration '" + part
                + "'; expected e.g. 'embedding float[384]', 'category text', 'user_id integer partition key', '+title text' or 'chunk_size=256'");
    }

    private static ScalarType scalar(Vec0Table table, String part, String keyword) {
        ScalarType type = ScalarType.fromSqliteName(keyword);
        if (type == null) {
            throw new IllegalArgumentException("vec0 table " + table.name() + ": unknown column type " + keyword + " in '" + part
                    + "'; sqlite-vec 0.1.9 knows integer, float, text, boolean and blob");
        }
        return type;
    }

    private static int parseDimensions(Vec0Table table, String part, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vec0 table " + table.name() + ": dimensions " + digits + " in '" + part
                    + "' are out of range; sqlite-vec supports 1 to " + Vec0Table.MAX_DIMENSIONS, e);
        }
    }

    private static String unquote(String name) {
        char first = name.charAt(0);
        if (name.length() >= 2 && (first == '"' || first == '[' || first == '`' || first == '\'')) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
