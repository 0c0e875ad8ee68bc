package com.usdtagent.memory;

import com.usdtagent.application.attachment.UploadQuotas;
import com.usdtagent.domain.account.UserId;

import java.time.LocalDate;

/** Each user's uploaded bytes per day, as {@code JdbiUploadQuotas}: a charge locks the day's row, so two take turns. */
final class MemoryUploadQuotas implements UploadQuotas {

    private record Day(UserId user, LocalDate day) {
    }

    private final MemoryStore store;
    private final Table<Day, Long> quotas;

    MemoryUploadQuotas(MemoryStore store) {
        this.store = store;
        this.quotas = new Table<>(store);
    }

    @Override
    public long used(UserId user, LocalDate day) {
        return quotas.find(new Day(user, day)).orElse(0L);
    }

    @Override
    public boolean charge(UserId user, LocalDate day, long bytes, long limit) {
        var key = new Day(user, day);
        return store.atomically(() -> {
            long used = quotas.lock(key).orElse(0L);
            if (used + bytes > limit) {
                return false;
            }
            quotas.put(key, used + bytes);
            return true;
        });
    }

    @Override
    public void forgetBefore(LocalDate day) {
        store.atomically(() -> quotas.rows(used -> true).stream().map(row -> row.getKey())
                .filter(key -> key.day().isBefore(day)).forEach(quotas::delete));
    }
}
