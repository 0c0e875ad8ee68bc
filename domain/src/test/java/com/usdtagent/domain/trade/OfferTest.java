package com.usdtagent.domain.trade;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.FieldError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferTest {

    private static final PublicProfile AGENT = new PublicProfile(UserId.newId(), new Username("agent_ann"), Role.AGENT);

    private static Offer post(List<String> paymentMethods, String terms) {
        var usdt = new Usdt(BigDecimal.TEN);
        return Offer.post(AGENT, new Offer.Terms(OfferSide.SELL, "USD", new Fiat(BigDecimal.ONE), usdt, usdt,
                paymentMethods, null, terms), Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void paymentMethodsAndTermsStayWithinTheirLimits() {
        String longest = "m".repeat(Offer.MAX_PAYMENT_METHOD_LENGTH);
        var most = Collections.nCopies(Offer.MAX_PAYMENT_METHODS, longest);

        assertThat(post(most, "t".repeat(Offer.MAX_TERMS_LENGTH)).paymentMethods()).hasSize(Offer.MAX_PAYMENT_METHODS);
        assertRefused("paymentMethods", () -> post(List.of(), ""));
        assertRefused("paymentMethods", () -> post(Collections.nCopies(Offer.MAX_PAYMENT_METHODS + 1, "bank"), ""));
        assertRefused("paymentMethods", () -> post(List.of(" "), ""));
        assertRefused("paymentMethods", () -> post(List.of(longest + "m"), ""));
        assertRefused("terms", () -> post(List.of("bank"), "t".repeat(Offer.MAX_TERMS_LENGTH + 1)));
    }

    private static void assertRefused(String field, Runnable posting) {
        assertThatThrownBy(posting::run).isInstanceOfSatisfying(BusinessException.class,
                refused -> assertThat(refused.details()).extracting(FieldError::field).containsExactly(field));
    }
}
