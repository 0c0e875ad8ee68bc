package com.usdtagent.application.ledger;

import com.usdtagent.domain.ledger.LedgerAccount;
import com.usdtagent.domain.ledger.Movement;
import com.usdtagent.domain.trade.OrderId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One posting on one of a user's accounts.
 *
 * @param amount  signed: positive credits the account
 * @param orderId the order that moved it; null for deposits
 */
public record LedgerEntry(long id, Movement.Kind kind, LedgerAccount.Bucket account, BigDecimal amount,
                          OrderId orderId, String reference, Instant createdAt) {
}
