package com.usdtagent.application.chain;

import java.util.Objects;

/**
 * A token transfer signed by the hot wallet, ready to broadcast as it is, as often as needed: the chain takes it
 * once, as its nonce can be used once.
 *
 * @param raw the signed transaction as the chain's nodes accept it (hex for an EVM chain)
 */
public record SignedTransfer(long nonce, String txHash, String raw) {

    public SignedTransfer {
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
        return "SignedTransfer[nonce=" + nonce + ", txHash=" + txHash + "]";
    }
}
