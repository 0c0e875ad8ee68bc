package com.usdtagent.http;

import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.attachment.LinkedAttachment;
import com.usdtagent.application.ledger.LedgerEntry;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.trade.OfferView;
import com.usdtagent.application.trade.OrderView;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.TradeOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The contract's {@code Offer}, {@code Order} and wallet shapes; every amount a decimal string. */
final class TradeJson {

    private TradeJson() {
    }

    record AgentJson(String id, String username, boolean online, long completedOrders30d, String completionRate30d) {
    }

    record OfferJson(String id, AgentJson agent, String side, String fiatCurrency, String price, String minUsdt,
                     String maxUsdt, List<String> paymentMethods, int paymentWindowMinutes, String terms, String status,
                     Instant createdAt) {
        static OfferJson of(OfferView view) {
            Offer offer = view.offer();
            OfferView.Agent agent = view.agent();
            return new OfferJson(offer.id().toString(),
                    new AgentJson(agent.profile().id().toString(), agent.profile().username().value(), agent.online(),
                            agent.completedOrders30d(), plain(agent.completionRate30d())),
                    offer.side().name(), offer.fiatCurrency(), offer.price().wire(), offer.minUsdt().wire(),
                    offer.maxUsdt().wire(), offer.paymentMethods(), offer.paymentWindowMinutes(), offer.terms(),
                    offer.status().name(), offer.createdAt());
        }
    }

    record OffersJson(List<OfferJson> offers) {
    }

    /** @param attachments the evidence, with fresh links */
    record AppealJson(String by, String reason, Instant openedAt, List<LinkedAttachment> attachments) {
    }

    /** @param actor the user who took the step; null when the server did (the payment-window timer) */
    record AuditJson(String status, String actor, Instant at) {
    }

    record OrderJson(String id, String offerId, String roomId, AccountRoutes.UserView buyer,
                     AccountRoutes.UserView seller, String usdtAmount, String price, String fiatAmount,
                     String fiatCurrency, String status, Instant paymentWindowEndsAt, Instant paidAt,
                     Instant completedAt, Instant cancelledAt, AppealJson appeal, Instant createdAt,
                     Instant updatedAt, List<AuditJson> audit) {
        static OrderJson of(OrderView view, AttachmentLinks links) {
            TradeOrder order = view.order();
            return new OrderJson(order.id().toString(), order.offerId().toString(), order.roomId().toString(),
                    AccountRoutes.UserView.of(view.buyer()), AccountRoutes.UserView.of(view.seller()),
                    order.usdtAmount().wire(), order.price().wire(), order.fiatAmount().wire(), order.fiatCurrency(),
                    order.status().name(), order.paymentWindowEndsAt(), order.paidAt(), order.completedAt(),
                    order.cancelledAt(),
                    order.appeal() == null ? null : new AppealJson(order.appeal().by().toString(),
                            order.appeal().reason(), order.appeal().openedAt(), links.linked(order.appeal().evidence())),
                    order.createdAt(), order.updatedAt(),
                    order.audit().stream().map(entry -> new AuditJson(entry.status().name(),
                            entry.actor() == null ? null : entry.actor().toString(), entry.at())).toList());
        }
    }

    record OrdersJson(List<OrderJson> orders) {
    }

    record WalletJson(String available, String locked) {
        static WalletJson of(WalletBalance balance) {
            return new WalletJson(balance.available().wire(), balance.locked().wire());
        }
    }

    /** @param amount signed: negative when it left the account */
    record EntryJson(String id, String kind, String account, String amount, String orderId, String reference,
                     Instant createdAt) {
        static EntryJson of(LedgerEntry entry) {
            return new EntryJson(String.valueOf(entry.id()), entry.kind().name(), entry.account().name(),
                    plain(entry.amount()), entry.orderId() == null ? null : entry.orderId().toString(),
                    entry.reference(), entry.createdAt());
        }
    }

    record EntriesJson(List<EntryJson> entries) {
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
