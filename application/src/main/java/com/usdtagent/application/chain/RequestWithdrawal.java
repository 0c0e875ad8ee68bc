package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.Withdrawal;

import java.util.Objects;

/**
 * {@code POST /api/wallet/withdrawals}: USDT out to an address of the caller's. The amount and the fee leave the
 * available balance at once; a repeat with the same idempotency key returns the same withdrawal.
 */
public interface RequestWithdrawal {

    Withdrawal request(AuthenticatedUser caller, Command command);

    record Command(String address, Usdt amount, String idempotencyKey) {
        public static final int MAX_KEY_LENGTH = 200;

        public Command {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(amount, "amount");
            if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
                throw BusinessException.invalidField("Idempotency-Key", "must be 1.." + MAX_KEY_LENGTH + " characters");
            }
        }
    }
}
