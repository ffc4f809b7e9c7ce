package io.adlift.pipeline.storage;

/**
 * The schema this start of Adlift works in, as {@link SchemaPreparation} found and readied it: every
 * pooled connection and Flyway resolve unqualified names in {@code adlift}.
 *
 * @param adlift the schema holding Adlift's tables ({@code adlift.database.schema}, or {@code public} for an
 *               embedded H2 database created before Adlift had a schema of its own)
 */
public record DatabaseSchemas(String adlift) {
}
