package io.github.sqlitevec.hibernate.internal.dialect;

import java.util.Map;

import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.dialect.internal.DialectResolverInitiator;
import org.hibernate.engine.jdbc.dialect.internal.DialectResolverSet;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Puts {@link SqliteVecDialectResolver} in front of every other dialect resolver.
 *
 * <p>Registering it only under {@code META-INF/services/…DialectResolver} would leave the choice to
 * class-path order: the community dialects' resolver also claims every {@code SQLite} connection, and
 * whichever jar the class loader lists first would win. This contributor wraps Hibernate's own
 * resolver initiator (custom {@code hibernate.dialect_resolvers}, discovered resolvers, then the standard
 * one) and adds ours first, so the result does not depend on the class path.
 */
public final class SqliteVecServiceContributor implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        builder.addInitiator(new ResolverFirstInitiator());
    }

    private static final class ResolverFirstInitiator implements StandardServiceInitiator<DialectResolver> {
        @Override
        public Class<DialectResolver> getServiceInitiated() {
            return DialectResolver.class;
        }

        @Override
        public DialectResolver initiateService(Map<String, Object> settings, ServiceRegistryImplementor registry) {
            DialectResolver standard = DialectResolverInitiator.INSTANCE.initiateService(settings, registry);
            if (standard instanceof DialectResolverSet set) {
                set.addResolverAtFirst(new SqliteVecDialectResolver());
                return set;
            }
            return new DialectResolverSet(new SqliteVecDialectResolver(), standard);
        }
    }
}
