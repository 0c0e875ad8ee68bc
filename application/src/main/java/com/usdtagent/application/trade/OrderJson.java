package com.usdtagent.application.trade;

import com.usdtagent.application.account.UserJson;
import com.usdtagent.application.attachment.AttachmentJson;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.domain.trade.Appeal;
import com.usdtagent.domain.trade.TradeOrder;

import java.time.Instant;
import java.util.List;

/**
 * The contract's {@code Order}, as {@code GET /api/orders/{id}} and the socket event {@code order-updated} both send
 * it: each component is one JSON field, every amount a decimal string.
 */
public record OrderJson(String id, String offerId, String roomId, UserJson buyer, UserJson seller, String usdtAmount,
                        String price, String fiatAmount, String fiatCurrency, String status,
                        Instant paymentWindowEndsAt, Instant paidAt, Instant completedAt, Instant cancelledAt,
                        AppealJson appeal, Instant createdAt, Instant updatedAt, List<AuditJson> audit) {

    /** @param attachments the evidence, with links signed for this payload */
    public record AppealJson(String by, String reason, Instant openedAt, List<AttachmentJson> attachments) {
    }

    /** @param actor the user who took the step; null when the server did (the payment-window timer) */
    public record AuditJson(String status, String actor, Instant at) {
    }

    public static OrderJson of(OrderView view, AttachmentLinks links) {
        TradeOrder order = view.order();
        Appeal appeal = order.appeal();
        return new OrderJson(order.id().toString(), order.offerId().toString(), order.roomId().toString(),
                UserJson.of(view.buyer()), UserJson.of(view.seller()), order.usdtAmount().wire(), order.price().wire(),
                order.fiatAmount().wire(), order.fiatCurrency(), order.status().name(), order.paymentWindowEndsAt(),
                order.paidAt(), order.completedAt(), order.cancelledAt(),
                appeal == null ? null : new AppealJson(appeal.by().toString(), appeal.reason(), appeal.openedAt(),
                        links.linked(appeal.evidence())),
                order.createdAt(), order.updatedAt(),
                order.audit().stream().map(entry -> new AuditJson(entry.status().name(),
                        entry.actor() == null ? null : entry.actor().toString(), entry.at())).toList());
    }
}
