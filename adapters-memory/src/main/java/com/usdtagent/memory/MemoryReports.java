package com.usdtagent.memory;

import com.usdtagent.application.moderation.Report;
import com.usdtagent.application.moderation.Reports;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Reports by id, as {@code JdbiReports}. */
final class MemoryReports implements Reports {

    private final MemoryStore store;
    private final Table<UUID, Report> reports;

    MemoryReports(MemoryStore store) {
        this.store = store;
        this.reports = new Table<>(store);
    }

    @Override
    public void add(Report report) {
        store.atomically(() -> reports.insert(report.id(), report));
    }

    @Override
    public List<Report> latest(int limit) {
        return reports.values(report -> true).stream()
                .sorted(Comparator.comparing(Report::createdAt).reversed().thenComparing(Report::id))
                .limit(limit).toList();
    }
}
