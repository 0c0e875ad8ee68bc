package com.usdtagent.application.account;

/** A person signs in with their username or phone number and their password. */
public interface LogIn {

    SignedIn logIn(Command command);

    record Command(String login, String password) {
        @Override
        public String toString() {
            return "LogIn.Command[redacted]";
        }
    }
}
