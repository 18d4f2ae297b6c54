package io.github.sqlitevec.jdbc.internal.integration.spring;

import io.github.sqlitevec.jdbc.SqliteVecDriver;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Answers {@code spring.datasource.driver-class-name} with {@link SqliteVecDriver} while, and only
 * while, {@code spring.datasource.url} is a {@code jdbc:sqlitevec:} URL. It reads the URL when asked
 * rather than when the application starts, so URLs that tests register late
 * ({@code @DynamicPropertySource}) are seen too. Thread-safe (stateless).
 */
final class DriverClassNameDefault extends PropertySource<Object> {
    static final String NAME = "sqlitevecDriverClassName";
    private static final String DRIVER_CLASS_NAME = "spring.datasource.driver-class-name";
    private static final String URL = "spring.datasource.url";

    private final Environment environment;

    /**
     * The environment is a field, not this source's {@code getSource()}: Spring Boot walks into any
     * property source whose source is an environment, and this one is inside that environment.
     */
    DriverClassNameDefault(Environment environment) {
        super(NAME);
        this.environment = environment;
    }

    @Override
    public Object getProperty(String name) {
        if (!DRIVER_CLASS_NAME.equals(name)) {
            return null; // also keeps the URL lookup below from asking us again
        }
        String url = environment.getProperty(URL);
        return SqliteVecDriver.isValidURL(url) ? SqliteVecDriver.class.getName() : null;
    }
}
