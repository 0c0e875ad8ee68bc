package com.usdtagent.loadtest;

import java.util.Arrays;

/** Latencies in nanoseconds, kept whole so that the percentiles are exact; a run's are tens of thousands. */
final class Latencies {

    private long[] values = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** p50, p95, p99 and max in milliseconds, "-" when empty. */
    synchronized String summary() {
        if (count == 0) {
            return "- | - | - | -";
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return millis(percentile(sorted, 50)) + " | " + millis(percentile(sorted, 95)) + " | "
                + millis(percentile(sorted, 99)) + " | " + millis(sorted[count - 1]);
    }

    synchronized long percentileNanos(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return percentile(sorted, percent);
    }

    private static long percentile(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
