package com.usdtagent.application.ledger;

/**
 * The contract's {@code Wallet}, {@code { available, locked }} as decimal strings, as {@code GET /api/wallet} and the
 * socket event {@code wallet-updated} both send it: each component is one JSON field.
 */
public record WalletJson(String available, String locked) {

    public static WalletJson of(WalletBalance balance) {
        return new WalletJson(balance.available().wire(), balance.locked().wire());
    }
}
