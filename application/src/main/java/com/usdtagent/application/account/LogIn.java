package com.usdtagent.application.account;

/** A person signs in with their username or phone number and their password. */
public interface LogIn {

    SignedIn logIn(Command command);

    /** @param userAgent what the device calls itself, shown in its list of sessions */
    record Command(String login, String password, String userAgent) {
        @Override
        public String toString() {
            return "LogIn.Command[redacted]";
        }
    }
}
