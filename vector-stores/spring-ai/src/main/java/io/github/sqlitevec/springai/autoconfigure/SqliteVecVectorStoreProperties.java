package io.github.sqlitevec.springai.autoconfigure;

import io.github.sqlitevec.springai.SqliteVecVectorStore;
import io.github.sqlitevec.springai.SqliteVecVectorStore.SqliteVecDistanceType;

import org.springframework.ai.vectorstore.properties.CommonVectorStoreProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the auto-configured {@link SqliteVecVectorStore}, under {@value #PREFIX}:
 * <pre>
 * spring.datasource.url=jdbc:sqlitevec:./app.db
 * spring.ai.vectorstore.sqlite-vec.initialize-schema=true
 * spring.ai.vectorstore.sqlite-vec.table-name=vector_store
 * spring.ai.vectorstore.sqlite-vec.dimensions=384          # default: the embedding model's
 * spring.ai.vectorstore.sqlite-vec.distance-type=COSINE    # or EUCLIDEAN, MANHATTAN
 * </pre>
 * A mutable configuration bean, bound once at start-up; not meant for concurrent mutation.
 */
@ConfigurationProperties(SqliteVecVectorStoreProperties.PREFIX)
public class SqliteVecVectorStoreProperties extends CommonVectorStoreProperties {

    /** The property prefix. */
    public static final String PREFIX = "spring.ai.vectorstore.sqlite-vec";

    /** Table name; the store also creates {@code <name>_meta} and {@code <name>_vec}. */
    private String tableName = SqliteVecVectorStore.DEFAULT_TABLE_NAME;

    /** Embedding dimension; -1 asks the embedding model. */
    private int dimensions = -1;

    /** Distance type, fixed when the table is created. */
    private SqliteVecDistanceType distanceType = SqliteVecDistanceType.COSINE;

    public String getTableName() {
        return this.tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public int getDimensions() {
        return this.dimensions;
    }

    public void setDimensions(int dimensions) {
        this.dimensions = dimensions;
    }

    public SqliteVecDistanceType getDistanceType() {
        return this.distanceType;
    }

    public void setDistanceType(SqliteVecDistanceType distanceType) {
        this.distanceType = distanceType;
    }
}
