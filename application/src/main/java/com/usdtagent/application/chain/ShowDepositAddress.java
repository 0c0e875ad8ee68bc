package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;

/** {@code GET /api/wallet/deposit-address}: the caller's own address, the same on every call and every node. */
public interface ShowDepositAddress {

    record AddressView(long chainId, String token, String address, int confirmations) {
    }

    AddressView depositAddress(AuthenticatedUser caller);
}
