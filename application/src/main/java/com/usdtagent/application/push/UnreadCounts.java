package com.usdtagent.application.push;

import com.usdtagent.domain.account.UserId;

import java.util.Collection;
import java.util.Map;

/** How much each user has not read, which a push shows as its app icon's badge. */
public interface UnreadCounts {

    /**
     * How many messages each member has not read, over all their rooms (a member without rooms may be left out);
     * joins the caller's transaction.
     */
    Map<UserId, Integer> unreadTotals(Collection<UserId> members);
}
