package io.adlift.steps.generate;

import io.adlift.steps.ingest.CsvSource;
import io.adlift.steps.ingest.SourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A generated file read whole, for tests: its header and its rows, columns looked up by name. */
record Table(String header, List<String> columns, List<List<String>> rows) {

    static Table read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> columns;
        try (CsvSource source = CsvSource.open(file, 0)) {
            columns = source.header();
            source.forEachRemaining((SourceRecord r) -> rows.add(r.fields()));
        }
        return new Table(String.join(",", columns), columns, rows);
    }

    /** The SHA-256 of every file, in order, for comparing whole outputs. */
    static List<String> sha256(List<Path> files) throws IOException, NoSuchAlgorithmException {
        List<String> digests = new ArrayList<>();
        for (Path file : files) {
            digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
        return digests;
    }

    int size() {
        return rows.size();
    }

    String get(List<String> row, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return row.get(index);
    }

    long number(List<String> row, String column) {
        return Long.parseLong(get(row, column));
    }

    double decimal(List<String> row, String column) {
        return Double.parseDouble(get(row, column));
    }

    List<String> column(String column) {
        return rows.stream().map(r -> get(r, column)).toList();
    }

    Set<String> distinct(String column) {
        return Set.copyOf(column(column));
    }

    /** Rows by the value of a column that is unique per row (a primary key). */
    Map<String, List<String>> byKey(String column) {
        return rows.stream().collect(Collectors.toMap(r -> get(r, column), Function.identity()));
    }

    /** How many rows hold each value of a column. */
    Map<String, Long> counts(String column) {
        return rows.stream().collect(Collectors.groupingBy(r -> get(r, column), Collectors.counting()));
    }
}
