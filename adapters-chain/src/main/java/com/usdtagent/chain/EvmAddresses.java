package com.usdtagent.chain;

import com.usdtagent.application.chain.AddressCheck;
import org.web3j.crypto.Keys;

import java.util.Locale;
import java.util.regex.Pattern;

/** EVM addresses: 0x and 40 hexadecimal digits; in mixed case, the case must be the EIP-55 checksum. */
final class EvmAddresses {

    private static final Pattern HEX_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private EvmAddresses() {
    }

    static AddressCheck check(String address) {
        if (address == null || !HEX_ADDRESS.matcher(address).matches()) {
            return new AddressCheck.Invalid("must be 0x followed by 40 hexadecimal digits");
        }
        String checksummed = Keys.toChecksumAddress(address);
        String digits = address.substring(2);
        boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixedCase && !checksummed.equals(address)) {
            return new AddressCheck.Invalid("has a wrong mixed-case checksum (EIP-55): check it for a typo");
        }
        return new AddressCheck.Valid(checksummed);
    }
}
