package com.usdtagent.application.account;

import com.usdtagent.domain.account.PhoneNumber;

import java.util.Optional;

/** Reads a phone number as people type it and gives its E.164 form, or nothing when it is not a possible number. */
public interface PhoneNumbers {

    Optional<PhoneNumber> normalize(String typed);
}
