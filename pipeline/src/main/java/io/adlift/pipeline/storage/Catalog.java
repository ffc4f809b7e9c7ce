package io.adlift.pipeline.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the database's {@code information_schema} says about its schemas, tables and sequences, on one
 * connection, the same on PostgreSQL and H2. Used where Adlift's connection pool and Flyway cannot be:
 * before the pool points its connections at Adlift's schema, and in Flyway's callbacks.
 */
final class Catalog {

    static final String PUBLIC = "public";

    private final Connection connection;

    Catalog(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    boolean postgres() throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    boolean hasSchema(String schema) throws SQLException {
        return !strings("SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?", schema).isEmpty();
    }

    boolean hasTable(String schema, String table) throws SQLException {
        return "BASE TABLE".equals(relations(schema).get(table));
    }

    /** The schema's tables and views: name to {@code BASE TABLE} or {@code VIEW}. */
    Map<String, String> relations(String schema) throws SQLException {
        Map<String, String> relations = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT table_name, table_type "
                + "FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    relations.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return relations;
    }

    /** The columns of a table or view, in order, each as {@code name type}. */
    List<String> columns(String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT column_name, data_type FROM "
                + "information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return columns;
    }

    Set<String> sequences(String schema) throws SQLException {
        return new LinkedHashSet<>(strings("SELECT sequence_name FROM information_schema.sequences "
                + "WHERE sequence_schema = ? ORDER BY sequence_name", schema));
    }

    /** Creates the schema unless it exists: a schema a DBA made needs no right to create schemas. */
    boolean createSchemaIfMissing(String schema) throws SQLException {
        if (hasSchema(schema)) {
            return false;
        }
        execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        return true;
    }

    List<String> strings(String sql, String... args) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                query.setString(i + 1, args[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code schema.name}, quoted: Adlift's names are lower case, and a schema may be called like a keyword. */
    static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
