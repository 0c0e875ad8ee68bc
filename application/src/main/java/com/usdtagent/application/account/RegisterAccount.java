package com.usdtagent.application.account;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.BusinessException;

/** A person opens an account as a user or an agent. */
public interface RegisterAccount {

    /** @throws com.usdtagent.domain.shared.RateLimitedException past the address's registrations of the hour */
    SignedIn register(Command command);

    /** @param clientAddress where the request came from, for the per-address limit */
    record Command(String username, String phone, String password, Role role, String clientAddress) {
        public Command {
            if (role == null || role == Role.ADMIN) {
                throw BusinessException.invalidField("role", "must be user or agent");
            }
            Passwords.requireAcceptable(password);
        }

        @Override
        public String toString() {
            return "RegisterAccount.Command[" + username + ", " + role + "]";
        }
    }
}
