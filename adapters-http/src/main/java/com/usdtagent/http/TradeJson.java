package com.usdtagent.http;

import com.usdtagent.application.ledger.LedgerEntry;
import com.usdtagent.application.trade.OfferView;
import com.usdtagent.application.trade.OrderJson;
import com.usdtagent.domain.trade.Offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The contract's {@code Offer} and wallet shapes, and its list of orders; every amount a decimal string. An
 * {@code Order} itself is the application's {@link OrderJson}, which the socket adapter sends too.
 */
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

    record OrdersJson(List<OrderJson> orders) {
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
