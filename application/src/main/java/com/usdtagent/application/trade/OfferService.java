package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Posting, changing and listing offers, each shown with its agent's standing. */
public final class OfferService implements PostOffer, ChangeOffer, ListOffers {

    private static final Duration STANDING_PERIOD = Duration.ofDays(30);

    private final Offers offers;
    private final Orders orders;
    private final UserAccounts accounts;
    private final Presence presence;
    private final Transactions transactions;
    private final Clock clock;

    public OfferService(Offers offers, Orders orders, UserAccounts accounts, Presence presence,
                        Transactions transactions, Clock clock) {
        this.offers = offers;
        this.orders = orders;
        this.accounts = accounts;
        this.presence = presence;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public OfferView post(AuthenticatedUser agent, Offer.Terms terms) {
        Offer offer = Offer.post(profile(agent), terms, clock.instant());
        offers.add(offer);
        return view(offer);
    }

    @Override
    public OfferView change(AuthenticatedUser agent, OfferId id, Offer.Changes changes) {
        Offer changed = transactions.inTransaction(() -> {
            Offer offer = offers.lock(id).orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such offer"));
            Offer next = offer.changedBy(agent.id(), changes);
            offers.update(next);
            return next;
        });
        return view(changed);
    }

    @Override
    public List<OfferView> list(AuthenticatedUser viewer, Query query) {
        return offers.listActive(query, LIMIT).stream().map(this::view).toList();
    }

    @Override
    public OfferView show(AuthenticatedUser viewer, OfferId id) {
        return offers.findById(id).map(this::view)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such offer"));
    }

    @Override
    public List<OfferView> listOwn(AuthenticatedUser agent) {
        return offers.listOf(agent.id(), LIMIT).stream().map(this::view).toList();
    }

    private PublicProfile profile(AuthenticatedUser user) {
        return accounts.findById(user.id()).map(UserAccount::publicProfile)
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The account no longer exists"));
    }

    private OfferView view(Offer offer) {
        PublicProfile agent = accounts.findById(offer.agent()).map(UserAccount::publicProfile).orElseThrow();
        Instant since = clock.instant().minus(STANDING_PERIOD);
        Orders.AgentRecord record = orders.recordOf(offer.agent(), since);
        BigDecimal rate = record.ended() == 0 ? null
                : BigDecimal.valueOf(record.completed()).divide(BigDecimal.valueOf(record.ended()), 2, RoundingMode.HALF_UP);
        return new OfferView(offer, new OfferView.Agent(agent, presence.isOnline(offer.agent()), record.completed(), rate));
    }
}
