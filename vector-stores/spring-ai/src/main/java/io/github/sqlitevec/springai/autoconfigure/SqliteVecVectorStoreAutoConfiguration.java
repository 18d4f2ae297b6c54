package io.github.sqlitevec.springai.autoconfigure;

import io.github.sqlitevec.springai.SqliteVecVectorStore;

import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;

import org.springframework.ai.embedding.BatchingStrategy;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.TokenCountBatchingStrategy;
import org.springframework.ai.vectorstore.SpringAIVectorStoreTypes;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spring Boot auto-configuration of a {@link SqliteVecVectorStore}: with this artifact on the class path, a
 * {@code jdbc:sqlitevec:} {@code spring.datasource.url} and an {@code EmbeddingModel} bean, a {@code VectorStore}
 * bean exists. Active unless {@code spring.ai.vectorstore.type} names another store; every bean backs off
 * when the application defines its own. Properties: {@link SqliteVecVectorStoreProperties}.
 */
@AutoConfiguration(afterName = {
        // Boot 4 moved JdbcTemplateAutoConfiguration; naming both keeps the order on Boot 3.5 too.
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass({SqliteVecVectorStore.class, EmbeddingModel.class, DataSource.class, JdbcTemplate.class})
@ConditionalOnProperty(name = SpringAIVectorStoreTypes.TYPE, havingValue = SqliteVecVectorStoreAutoConfiguration.TYPE,
        matchIfMissing = true)
@EnableConfigurationProperties(SqliteVecVectorStoreProperties.class)
public class SqliteVecVectorStoreAutoConfiguration {

    /** The value of {@code spring.ai.vectorstore.type} that selects this store. */
    public static final String TYPE = "sqlite-vec";

    @Bean
    @ConditionalOnMissingBean(BatchingStrategy.class)
    BatchingStrategy sqliteVecBatchingStrategy() {
        return new TokenCountBatchingStrategy();
    }

    /** Backs off when the application defines any VectorStore of its own. */
    @Bean
    @ConditionalOnMissingBean(VectorStore.class)
    @ConditionalOnBean(JdbcTemplate.class)
    public SqliteVecVectorStore vectorStore(JdbcTemplate jdbcTemplate, EmbeddingModel embeddingModel,
            SqliteVecVectorStoreProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<VectorStoreObservationConvention> customObservationConvention, BatchingStrategy batchingStrategy) {
        return SqliteVecVectorStore.builder(jdbcTemplate, embeddingModel)
                .tableName(properties.getTableName())
                .dimensions(properties.getDimensions())
                .distanceType(properties.getDistanceType())
                .initializeSchema(properties.isInitializeSchema())
                .batchingStrategy(batchingStrategy)
                .observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
                .customObservationConvention(customObservationConvention.getIfAvailable(() -> null))
                .build();
    }
}
