package io.adlift.pipeline.datamodels;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** A generated pipeline input read back as plain rows, for computing expected KPIs independently of Adlift. */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    static List<Map<String, String>> read(Path dir, String source) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(source + ".csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(r.toMap());
            }
        }
        return rows;
    }

    /** A file field or a database value as a number; NaN when missing. */
    static double number(Map<String, ?> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return Double.NaN;
        }
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
    }
}
