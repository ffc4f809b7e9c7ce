package io.adlift.pipeline.serve;

/** What is wrong with one field of one record of a request; {@code record} is the record's index, from 0. */
public record FieldError(int record, String field, String message) {
}
