package com.usdtagent.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.usdtagent.application.account.PhoneNumbers;
import com.usdtagent.domain.account.PhoneNumber;

import java.util.Optional;

/**
 * Accepts numbers in international form ("+44 20 7946 0958", "+1 (415) 555-2671") and keeps the E.164 form of
 * the possible ones: of a length some number of that country has. Whether a number is assigned today is not
 * checked: that changes every month, and a newly assigned number would be refused.
 */
final class LibPhoneNumbers implements PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Override
    public Optional<PhoneNumber> normalize(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        try {
            var parsed = UTIL.parse(typed, "ZZ");
            if (!UTIL.isPossibleNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
