package com.usdtagent.application.ledger;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.Text;
import com.usdtagent.domain.trade.Usdt;

import java.util.Objects;

/** An admin credits a user's available USDT, standing in for an on-chain deposit; a repeated reference does nothing. */
public interface DepositFunds {

    /** @return the user's balance afterwards */
    WalletBalance deposit(AuthenticatedUser admin, Command command);

    record Command(UserId user, Usdt amount, String reference) {
        public static final int MAX_REFERENCE_LENGTH = 200;

        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(amount, "amount");
            if (Text.isBlank(reference) || reference.length() > MAX_REFERENCE_LENGTH) {
                throw BusinessException.invalidField("reference",
                        "must be 1.." + MAX_REFERENCE_LENGTH + " characters");
            }
        }
    }
}
