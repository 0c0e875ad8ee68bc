package com.usdtagent.application.chain;

import com.usdtagent.domain.account.UserId;

import java.util.Map;
import java.util.Optional;

/** Which user owns which deposit address. An index and an address belong to one user, for good. */
public interface DepositAddresses {

    Optional<DepositAddress> ofUser(UserId user);

    /** A child index never handed out before, on any node. */
    int nextIndex();

    /** Stores {@code address} unless its user has one already; returns the user's address either way. */
    DepositAddress addIfAbsent(DepositAddress address);

    /** Every assigned address and its owner. */
    Map<String, UserId> owners();
}
