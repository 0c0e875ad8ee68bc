package com.usdtagent.application.chain;

/** An address as a user typed it: valid, in the chain's canonical form, or refused with the reason. */
public sealed interface AddressCheck {

    record Valid(String canonical) implements AddressCheck {
    }

    record Invalid(String reason) implements AddressCheck {
    }
}
