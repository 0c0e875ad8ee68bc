package com.usdtagent.application.account;

/** A person signs in with their username or phone number and their password. */
public interface LogIn {

    /** @throws com.usdtagent.domain.shared.RateLimitedException while the account or the address backs off */
    SignedIn logIn(Command command);

    /**
     * @param clientAddress where the request came from, for the per-address limit
     * @param userAgent     what the device calls itself, shown in its list of sessions
     */
    record Command(String login, String password, String clientAddress, String userAgent) {
        @Override
        public String toString() {
            return "LogIn.Command[redacted]";
        }
    }
}
