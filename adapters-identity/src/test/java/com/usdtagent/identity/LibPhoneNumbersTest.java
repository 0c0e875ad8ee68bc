package com.usdtagent.identity;

import com.usdtagent.domain.account.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LibPhoneNumbersTest {

    private final LibPhoneNumbers phoneNumbers = new LibPhoneNumbers();

    @Test
    void normalisesInternationalNumbersToE164() {
        assertThat(phoneNumbers.normalize("+44 7911 123456")).contains(new PhoneNumber("+447911123456"));
        assertThat(phoneNumbers.normalize("+1 (415) 555-2671")).contains(new PhoneNumber("+14155552671"));
        assertThat(phoneNumbers.normalize("+971-50-123-4567")).contains(new PhoneNumber("+971501234567"));
    }

    @Test
    void acceptsAPossibleNumberThatIsNotAssignedToday() {
        assertThat(phoneNumbers.normalize("+44 7911 523411")).contains(new PhoneNumber("+447911523411"));
    }

    @Test
    void refusesWhatIsNotAPossibleInternationalNumber() {
        assertThat(phoneNumbers.normalize("07911 123456")).isEmpty();
        assertThat(phoneNumbers.normalize("+44 123")).isEmpty();
        assertThat(phoneNumbers.normalize("call me")).isEmpty();
        assertThat(phoneNumbers.normalize("")).isEmpty();
        assertThat(phoneNumbers.normalize(null)).isEmpty();
    }
}
