package com.usdtagent.application.push;

import com.usdtagent.domain.account.UserId;

/** How much each user has not read, which a push shows as its app icon's badge. */
public interface UnreadCounts {

    /** How many messages the member has not read, over all their rooms; joins the caller's transaction. */
    int unreadTotal(UserId member);
}
