package com.usdtagent.application.attachment;

import com.usdtagent.domain.account.UserId;

import java.time.LocalDate;

/** How many bytes each user uploaded on each day (UTC). Joins the caller's transaction. */
public interface UploadQuotas {

    long used(UserId user, LocalDate day);

    /**
     * Adds {@code bytes} to the user's day unless the day would then pass {@code limit}; atomic under concurrent
     * uploads of one user.
     *
     * @return false, changing nothing, when the day would pass the limit
     */
    boolean charge(UserId user, LocalDate day, long bytes, long limit);

    /** Forgets the days before {@code day}. */
    void forgetBefore(LocalDate day);
}
