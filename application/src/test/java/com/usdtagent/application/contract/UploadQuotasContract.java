package com.usdtagent.application.contract;

import com.usdtagent.application.attachment.UploadQuotas;
import com.usdtagent.domain.account.UserId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link UploadQuotas}: a day's bytes never pass the limit, even when one user's uploads charge it at once. */
public abstract class UploadQuotasContract extends PortContract {

    @Test
    void aDayQuotaIsNeverPassedEvenByConcurrentUploads() {
        UploadQuotas quotas = adapters.uploadQuotas();
        UserId ann = user();
        LocalDate today = LocalDate.of(2026, 3, 1);

        List<Boolean> charged = AtOnce.run(20, i -> () -> quotas.charge(ann, today, 10, 100));

        assertThat(charged.stream().filter(ok -> ok).count()).isEqualTo(10);
        assertThat(quotas.used(ann, today)).isEqualTo(100);
        assertThat(quotas.charge(ann, today, 1, 100)).isFalse();
        assertThat(quotas.charge(ann, today.plusDays(1), 101, 100)).isFalse();
        assertThat(quotas.used(ann, today.plusDays(1))).isZero();
        assertThat(quotas.charge(ann, today.plusDays(1), 100, 100)).isTrue();

        quotas.forgetBefore(today.plusDays(1));
        assertThat(quotas.used(ann, today)).isZero();
        assertThat(quotas.used(ann, today.plusDays(1))).isEqualTo(100);
    }
}
