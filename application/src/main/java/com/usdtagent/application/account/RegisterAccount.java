package com.usdtagent.application.account;

import com.usdtagent.domain.account.Role;

/** A person opens an account as a user or an agent. */
public interface RegisterAccount {

    SignedIn register(Command command);

    /** Checked by the service, which names every field that fails; {@code role} null: none that exists. */
    record Command(String username, String phone, String password, Role role) {

        @Override
        public String toString() {
            return "RegisterAccount.Command[" + username + ", " + role + "]";
        }
    }
}
