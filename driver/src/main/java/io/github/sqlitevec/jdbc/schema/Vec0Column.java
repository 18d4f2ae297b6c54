package io.github.sqlitevec.jdbc.schema;

import java.util.Objects;

/**
 * One declared column of a {@link Vec0Table}: its name, its {@link Kind}, and either a vector
 * shape (element type, dimensions, distance metric) or a {@link ScalarType}. Made only by
 * {@link Vec0Table}'s steps and its parser, so every instance passed sqlite-vec's rules.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Vec0Column c = Vec0Table.named("docs").vector("embedding", VectorElementType.FLOAT32, 384, DistanceMetric.COSINE)
 *         .column("embedding");
 * c.sqliteDefinition();   // "embedding float[384] distance_metric=cosine"
 * c.postgresType();       // "vector(384)"
 * }</pre>
 */
public final class Vec0Column {

    /** The roles a column can play in a {@code vec0} table. */
    public enum Kind {
        /** {@code <name> integer|text primary key}: the row's key (an alias of rowid when integer). */
        PRIMARY_KEY,
        /** {@code <name> float|int8|bit[N]}: vectors searched by KNN. */
        VECTOR,
        /** {@code <name> <type>}: a value stored beside the vectors and filterable inside a KNN query. */
        METADATA,
        /** {@code <name> <type> partition key}: vectors are stored per value; equality filters scan one partition. */
        PARTITION_KEY,
        /** {@code +<name> <type>}: payload stored with the row, not filterable inside a KNN query. */
        AUXILIARY
    }

    private final String name;
    private final Kind kind;
    private final ScalarType scalarType;
    private final VectorElementType elementType;
    private final int dimensions;
    private final DistanceMetric metric;

    private Vec0Column(String name, Kind kind, ScalarType scalarType, VectorElementType elementType, int dimensions, DistanceMetric metric) {
        this.name = name;
        this.kind = kind;
        this.scalarType = scalarType;
        this.elementType = elementType;
        this.dimensions = dimensions;
        this.metric = metric;
    }

    static Vec0Column scalar(String name, Kind kind, ScalarType type) {
        return new Vec0Column(name, kind, type, null, 0, null);
    }

    static Vec0Column vector(String name, VectorElementType type, int dimensions, DistanceMetric metric) {
        return new Vec0Column(name, Kind.VECTOR, null, type, dimensions, metric);
    }

    /** The column name, as declared (a plain identifier). */
    public String name() {
        return name;
    }

    /** The column's role. */
    public Kind kind() {
        return kind;
    }

    /** Whether this is a vector column. */
    public boolean isVector() {
        return kind == Kind.VECTOR;
    }

    /** The type of a non-vector column; null for a vector column. */
    public ScalarType scalarType() {
        return scalarType;
    }

    /** The element type of a vector column; null otherwise. */
    public VectorElementType elementType() {
        return elementType;
    }

    /** The dimensions of a vector column (bits for a bit column); 0 otherwise. */
    public int dimensions() {
        return dimensions;
    }

    /** The distance metric of a vector column ({@link DistanceMetric#HAMMING} for bit columns); null otherwise. */
    public DistanceMetric metric() {
        return metric;
    }

    /** The column as vec0 declares it, e.g. {@code +title text} or {@code embedding float[384] distance_metric=cosine}. */
    public String sqliteDefinition() {
        switch (kind) {
            case VECTOR:
                boolean declaredMetric = metric != DistanceMetric.L2 && metric != DistanceMetric.HAMMING;
                return name + " " + elementType.sqliteName() + "[" + dimensions + "]"
                        + (declaredMetric ? " distance_metric=" + metric.sqliteName() : "");
            case PRIMARY_KEY:
                return name + " " + scalarType.sqliteName() + " primary key";
            case PARTITION_KEY:
                return name + " " + scalarType.sqliteName() + " partition key";
            case AUXILIARY:
                return "+" + name + " " + scalarType.sqliteName();
            default:
                return name + " " + scalarType.sqliteName();
        }
    }

    /** The PostgreSQL column type: {@code vector(n)}/{@code bit(n)} for vectors, else the scalar type's. */
    public String postgresType() {
        return isVector() ? elementType.postgresType(dimensions) : scalarType.postgresType();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Vec0Column)) {
            return false;
        }
        Vec0Column other = (Vec0Column) o;
        return name.equals(other.name) && kind == other.kind && scalarType == other.scalarType
                && elementType == other.elementType && dimensions == other.dimensions && metric == other.metric;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, scalarType, elementType, dimensions, metric);
    }

    @Override
    public String toString() {
        return sqliteDefinition();
    }
}
