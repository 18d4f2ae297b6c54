package io.github.sqlitevec.jdbc.internal.integration.spring;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;

/**
 * Makes {@code spring.datasource.url=jdbc:sqlitevec:...} enough on its own in a Spring Boot 4 app.
 * Boot chooses the driver class from a fixed list of URL prefixes; for an unknown prefix it takes
 * the driver of an embedded database on the classpath (H2's, which then rejects our URL) or stops
 * with "Failed to determine a suitable driver class". We add {@link DriverClassNameDefault} as the
 * last property source, so anything the user configures still wins.
 *
 * <p>Registered in {@code META-INF/spring.factories}; Spring Boot alone reads that key, so apps
 * without Spring never load this class. Thread-safe (stateless).
 */
public final class SqliteVecEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (!sources.contains(DriverClassNameDefault.NAME)) {
            sources.addLast(new DriverClassNameDefault(environment));
        }
    }
}
