package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.trade.OrderId;

import java.util.List;

/**
 * {@code POST /api/orders/{id}/appeal}: either party disputes a paid order, with a statement and files of the order's
 * room as evidence (their own uploads, or files sent there); an admin then rules.
 */
public interface AppealOrder {

    OrderView appeal(AuthenticatedUser actor, OrderId id, String reason, List<AttachmentId> evidence);

    default OrderView appeal(AuthenticatedUser actor, OrderId id, String reason) {
        return appeal(actor, id, reason, List.of());
    }
}
