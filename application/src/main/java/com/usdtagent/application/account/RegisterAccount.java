package com.usdtagent.application.account;

import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.shared.BusinessException;

/** A person opens an account as a user or an agent. */
public interface RegisterAccount {

    SignedIn register(Command command);

    record Command(String username, String phone, String password, Role role) {
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
