package com.usdtagent.domain.wallet;

/** A deposit seen on chain waits as {@code PENDING} until it has enough confirmations, then is {@code CREDITED} once. */
public enum DepositStatus {
    PENDING, CREDITED
}
