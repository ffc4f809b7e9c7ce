package io.adlift.steps.generate;

import java.time.LocalDate;

/** The year the seed projects' data spans: 2024, a leap year of 366 days. */
final class Year2024 {

    static final long FIRST_DAY = LocalDate.of(2024, 1, 1).toEpochDay();
    static final int DAYS = 366;
    static final long FIRST_SECOND = FIRST_DAY * 86_400;
    static final long SECONDS = DAYS * 86_400L;

    private Year2024() {
    }

    /** Days since 1970-01-01 of the first day of {@code month} (1–12) of 2024. */
    static long firstDayOf(int month) {
        return LocalDate.of(2024, month, 1).toEpochDay();
    }

    /** The month (1–12) a day falls in, whatever its year. */
    static int monthOf(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).getMonthValue();
    }
}
