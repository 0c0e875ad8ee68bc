package com.usdtagent.identity;

import com.usdtagent.application.account.AccessTokens;
import com.usdtagent.application.account.CommonPasswords;
import com.usdtagent.application.account.PasswordHasher;
import com.usdtagent.application.account.PhoneNumbers;
import com.usdtagent.application.attachment.LinkSigner;

import java.time.Clock;
import java.time.Duration;

/** The identity adapters, for the bootstrap to wire. */
public final class Identity {

    private Identity() {
    }

    public static PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher();
    }

    public static AccessTokens accessTokens(byte[] secret, Duration timeToLive, Clock clock) {
        return new JwtAccessTokens(secret, timeToLive, clock);
    }

    public static PhoneNumbers phoneNumbers() {
        return new LibPhoneNumbers();
    }

    public static CommonPasswords commonPasswords() {
        return ZxcvbnCommonPasswords.TOP_10_000;
    }

    /** Signs the links to attachments with a key derived from the token secret. */
    public static LinkSigner linkSigner(byte[] tokenSecret) {
        return new HmacLinkSigner(tokenSecret);
    }
}
