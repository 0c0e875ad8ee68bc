package com.usdtagent.application.chain;

/**
 * Derives deposit addresses from an extended public key: the server can make every user's address, and never holds
 * a key that could spend from one.
 */
public interface DepositAddressDeriver {

    /** The address of child {@code index} (0 .. 2^31 - 1) of the key's external chain, {@code .../0/index}. */
    String addressAt(int index);
}
