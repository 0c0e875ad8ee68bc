package com.usdtagent.application.account;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.BusinessException;

/** A person opens an account as a user or an agent. */
public interface RegisterAccount {

    SignedIn register(Command command);

    /** @param userAgent what the device calls itself, shown in its list of sessions */
    record Command(String username, String phone, String password, Role role, String userAgent) {
        public Command {
            if (role == null || role == Role.ADMIN) {
                throw BusinessException.invalidField("role", "must be user or agent");
            }
            Passwords.requireAcceptable(password, "password");
        }

        @Override
        public String toString() {
            return "RegisterAccount.Command[" + username + ", " + role + "]";
        }
    }
}
