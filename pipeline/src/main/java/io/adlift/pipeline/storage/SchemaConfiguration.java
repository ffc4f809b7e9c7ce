package io.adlift.pipeline.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Adlift's tables in a schema of their own ({@code adlift.database.schema}): the schemas are readied on a
 * connection of their own first, then every pooled connection and Flyway work in Adlift's schema, so all
 * of Adlift's unqualified SQL (Spring Batch's, ShedLock's, the migrations', its own) resolves there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class SchemaConfiguration {

    @Bean
    DatabaseSchemas databaseSchemas(DatabaseProperties settings, JdbcConnectionDetails database) throws SQLException {
        DataSource direct = DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(database.getJdbcUrl())
                .username(database.getUsername()).password(database.getPassword())
                .driverClassName(database.getDriverClassName()).build();
        try (Connection connection = direct.getConnection()) {
            return new SchemaPreparation(settings).prepare(connection);
        }
    }

    /** Static: a post-processor is created before the other beans, and this one only needs the schemas later. */
    @Bean
    static BeanPostProcessor pooledConnectionsInAdliftSchema(ObjectProvider<DatabaseSchemas> schemas) {
        return new PooledConnectionsInSchema(schemas);
    }

    @Bean
    FlywayConfigurationCustomizer migrationsInAdliftSchema(DatabaseSchemas schemas) {
        return flyway -> flyway.schemas(schemas.adlift()).defaultSchema(schemas.adlift());
    }

    @Bean
    KpiViews kpiViews(DatabaseSchemas schemas) {
        return new KpiViews(schemas);
    }

    /**
     * Points the pool's connections at Adlift's schema: Hikari calls {@code Connection.setSchema} on each
     * new connection, which on PostgreSQL sets its {@code search_path} to that schema alone (over a
     * {@code currentSchema} in the URL) and on H2 its current schema.
     */
    static final class PooledConnectionsInSchema implements BeanPostProcessor {

        private final ObjectProvider<DatabaseSchemas> schemas;

        PooledConnectionsInSchema(ObjectProvider<DatabaseSchemas> schemas) {
            this.schemas = schemas;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource pool) {
                pool.setSchema(schemas.getObject().adlift());
            }
            return bean;
        }
    }
}
