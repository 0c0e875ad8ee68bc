package com.usdtagent.application.trade;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;

import java.time.Clock;

/** The offer and order use cases, built together because the order steps share their ports. */
public final class TradeServices {

    private final OfferService offers;
    private final PlaceOrderService placeOrder;
    private final OrderTransitionsService transitions;

    public TradeServices(Offers offers, Orders orders, Ledger ledger, UserAccounts accounts, ChatRooms rooms,
                         RoomPosts posts, Presence presence, PushOutbox push, OrderSignals signals,
                         Transactions transactions, Clock clock) {
        var steps = new OrderSteps(orders, ledger, accounts, rooms, posts, push, signals, transactions, clock);
        this.offers = new OfferService(offers, orders, accounts, presence, transactions, clock);
        this.placeOrder = new PlaceOrderService(steps, offers);
        this.transitions = new OrderTransitionsService(steps);
    }

    public PostOffer postOffer() {
        return offers;
    }

    public ChangeOffer changeOffer() {
        return offers;
    }

    public ListOffers listOffers() {
        return offers;
    }

    public PlaceOrder placeOrder() {
        return placeOrder;
    }

    public MarkOrderPaid markOrderPaid() {
        return transitions;
    }

    public CancelOrder cancelOrder() {
        return transitions;
    }

    public ReleaseEscrow releaseEscrow() {
        return transitions;
    }

    public AppealOrder appealOrder() {
        return transitions;
    }

    public ResolveAppeal resolveAppeal() {
        return transitions;
    }

    public ShowOrders showOrders() {
        return transitions;
    }

    public ExpireOrders expireOrders() {
        return transitions;
    }
}
