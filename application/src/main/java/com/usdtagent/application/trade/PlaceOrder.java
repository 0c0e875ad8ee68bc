package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.Usdt;

import java.util.Objects;

/**
 * {@code POST /api/orders}: a user takes an offer. In one transaction the order is stored, the seller's USDT locked
 * in escrow and the pair's room opened; a repeat with the same idempotency key returns the same order.
 */
public interface PlaceOrder {

    OrderView place(AuthenticatedUser user, Command command);

    record Command(OfferId offerId, Usdt usdtAmount, String idempotencyKey) {
        public static final int MAX_KEY_LENGTH = 200;

        public Command {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(usdtAmount, "usdtAmount");
            if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
                throw BusinessException.invalidField("Idempotency-Key", "must be 1.." + MAX_KEY_LENGTH + " characters");
            }
        }
    }
}
