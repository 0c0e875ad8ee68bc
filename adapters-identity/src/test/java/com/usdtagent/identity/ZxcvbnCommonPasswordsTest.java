package com.usdtagent.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZxcvbnCommonPasswordsTest {

    private final ZxcvbnCommonPasswords passwords = ZxcvbnCommonPasswords.TOP_10_000;

    @Test
    void theMostUsedPasswordsAreCommonInAnyCase() {
        assertThat(passwords.isCommon("password")).isTrue();
        assertThat(passwords.isCommon("12345678")).isTrue();
        assertThat(passwords.isCommon("Qwerty123")).isTrue();
        assertThat(passwords.isCommon("iloveyou")).isTrue();
    }

    @Test
    void aPassphraseIsNot() {
        assertThat(passwords.isCommon("violet-harbour-42-lantern")).isFalse();
    }
}
