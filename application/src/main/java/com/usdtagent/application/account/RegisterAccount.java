package com.usdtagent.application.account;

import com.usdtagent.domain.account.Role;

/** A person opens an account as a user or an agent. */
public interface RegisterAccount {

    /** @throws com.usdtagent.domain.shared.RateLimitedException past the address's registrations of the hour */
    SignedIn register(Command command);

    /**
     * Checked by the service, which names every field that fails; {@code role} null: none that exists.
     *
     * @param clientAddress where the request came from, for the per-address limit
     * @param userAgent     what the device calls itself, shown in its list of sessions
     */
    record Command(String username, String phone, String password, Role role, String clientAddress, String userAgent) {

        @Override
        public String toString() {
            return "RegisterAccount.Command[" + username + ", " + role + "]";
        }
    }
}
