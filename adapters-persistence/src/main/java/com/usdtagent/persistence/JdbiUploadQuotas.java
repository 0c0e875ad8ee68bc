package com.usdtagent.persistence;

import com.usdtagent.application.attachment.UploadQuotas;
import com.usdtagent.domain.account.UserId;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;

/** Each user's uploaded bytes per day in {@code upload_quota}. Joins the caller's transaction when there is one. */
final class JdbiUploadQuotas implements UploadQuotas {

    private static final String USED = "SELECT bytes FROM upload_quota WHERE user_id = :user AND day = :day";
    // one statement, so that two uploads of one user cannot both pass the limit: the second waits for the first's
    // row and adds to what it left
    private static final String CHARGE = """
            INSERT INTO upload_quota AS quota (user_id, day, bytes) VALUES (:user, :day, :bytes)
            ON CONFLICT (user_id, day) DO UPDATE SET bytes = quota.bytes + EXCLUDED.bytes
            WHERE quota.bytes + EXCLUDED.bytes <= :limit
            RETURNING bytes
            """;
    private static final String FORGET = "DELETE FROM upload_quota WHERE day < :day";

    private final Jdbi jdbi;

    JdbiUploadQuotas(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long used(UserId user, LocalDate day) {
        return jdbi.withHandle(handle -> handle.createQuery(USED)
                .bind("user", user.value())
                .bind("day", day)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    @Override
    public boolean charge(UserId user, LocalDate day, long bytes, long limit) {
        if (bytes > limit) {
            return false;
        }
        return jdbi.withHandle(handle -> handle.createQuery(CHARGE)
                .bind("user", user.value())
                .bind("day", day)
                .bind("bytes", bytes)
                .bind("limit", limit)
                .mapTo(Long.class)
                .findOne()
                .isPresent());
    }

    @Override
    public void forgetBefore(LocalDate day) {
        jdbi.useHandle(handle -> handle.createUpdate(FORGET).bind("day", day).execute());
    }
}
