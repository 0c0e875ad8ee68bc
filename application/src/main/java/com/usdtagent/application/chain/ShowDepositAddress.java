package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.trade.Usdt;

/** {@code GET /api/wallet/deposit-address}: the caller's own address, the same on every call and every node. */
public interface ShowDepositAddress {

    /** With the withdrawal terms, so that a form can show the fee and the limits before anything is sent. */
    record AddressView(long chainId, String token, String address, int confirmations, Usdt withdrawalFee,
                       Usdt withdrawalMin, Usdt withdrawalApprovalAbove) {
    }

    AddressView depositAddress(AuthenticatedUser caller);
}
