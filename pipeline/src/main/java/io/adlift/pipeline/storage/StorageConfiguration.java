package io.adlift.pipeline.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The row sink for the database at hand. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    RowSink rowSink(DataSource dataSource, JdbcTemplate jdbc) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
            return postgres ? new PostgresCopySink(dataSource, jdbc) : new JdbcBatchSink(jdbc);
        }
    }
}
