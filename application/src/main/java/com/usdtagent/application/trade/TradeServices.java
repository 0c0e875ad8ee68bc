package com.usdtagent.application.trade;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;

import java.time.Clock;

/** The offer and order use cases, each built once, together because the order steps share their ports. */
public final class TradeServices {

    private final PostOffer postOffer;
    private final ChangeOffer changeOffer;
    private final ListOffers listOffers;
    private final PlaceOrder placeOrder;
    private final MarkOrderPaid markOrderPaid;
    private final CancelOrder cancelOrder;
    private final ReleaseEscrow releaseEscrow;
    private final AppealOrder appealOrder;
    private final ResolveAppeal resolveAppeal;
    private final ShowOrders showOrders;
    private final ShowAppealConversation showAppealConversation;
    private final ExpireOrders expireOrders;
    private final SuspendTrading suspendTrading;

    public TradeServices(Offers offers, Orders orders, Ledger ledger, UserAccounts accounts, ChatRooms rooms,
                         Messages messages, RoomPosts posts, Presence presence, PushOutbox push, OrderSignals signals,
                         Transactions transactions, Clock clock, Attachments attachments, OrderLimits limits,
                         Blocks blocks) {
        var views = new OfferViews(orders, accounts, presence, clock);
        this.postOffer = new PostOfferService(offers, views, clock);
        this.changeOffer = new ChangeOfferService(offers, views, transactions);
        this.listOffers = new ListOffersService(offers, views, blocks);
        var steps = new OrderSteps(orders, ledger, accounts, posts, push, signals, transactions, clock);
        this.placeOrder = new PlaceOrderService(steps, offers, orders, ledger, rooms, transactions, clock, limits,
                blocks);
        this.markOrderPaid = new MarkOrderPaidService(steps);
        this.cancelOrder = new CancelOrderService(steps);
        this.releaseEscrow = new ReleaseEscrowService(steps);
        this.appealOrder = new AppealOrderService(steps, attachments);
        this.resolveAppeal = new ResolveAppealService(steps);
        this.showOrders = new ShowOrdersService(steps, orders);
        this.showAppealConversation = new ShowAppealConversationService(orders, rooms, messages);
        this.expireOrders = new ExpireOrdersService(steps, orders, transactions, clock);
        this.suspendTrading = new SuspendTradingService(steps, offers, orders, transactions, clock);
    }

    public PostOffer postOffer() {
        return postOffer;
    }

    public ChangeOffer changeOffer() {
        return changeOffer;
    }

    public ListOffers listOffers() {
        return listOffers;
    }

    public PlaceOrder placeOrder() {
        return placeOrder;
    }

    public MarkOrderPaid markOrderPaid() {
        return markOrderPaid;
    }

    public CancelOrder cancelOrder() {
        return cancelOrder;
    }

    public ReleaseEscrow releaseEscrow() {
        return releaseEscrow;
    }

    public AppealOrder appealOrder() {
        return appealOrder;
    }

    public ResolveAppeal resolveAppeal() {
        return resolveAppeal;
    }

    public ShowOrders showOrders() {
        return showOrders;
    }

    public ShowAppealConversation showAppealConversation() {
        return showAppealConversation;
    }

    public ExpireOrders expireOrders() {
        return expireOrders;
    }

    public SuspendTrading suspendTrading() {
        return suspendTrading;
    }
}
