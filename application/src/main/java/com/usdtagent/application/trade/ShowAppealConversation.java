package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.HistoryPage;
import com.usdtagent.domain.trade.OrderId;

/**
 * {@code GET /api/admin/orders/{id}/messages}: an admin reads the conversation of an appealed order, to settle the
 * appeal. A conversation stays private to its members until one of them appeals an order made in it.
 */
public interface ShowAppealConversation {

    int DEFAULT_LIMIT = 50;

    /**
     * A page of the order's room, up to {@link com.usdtagent.domain.chat.ChatPaging#MAX_LIMIT} messages, oldest first, each message with the ticks its recipient gave it.
     *
     * @param before null for the newest page, else the page just older than this seq
     */
    HistoryPage show(AuthenticatedUser admin, OrderId order, Long before, int limit);
}
