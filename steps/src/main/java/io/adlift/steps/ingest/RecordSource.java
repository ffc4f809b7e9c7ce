package io.adlift.steps.ingest;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/** An open source file, handing out its records one at a time. */
public interface RecordSource extends Iterator<SourceRecord>, Closeable {

    String file();

    List<String> header();

    /** Records handed out so far, including any skipped on open. */
    long recordsRead();

    /** How far into the file the last record handed out starts, in characters; for progress displays. */
    long position();
}
