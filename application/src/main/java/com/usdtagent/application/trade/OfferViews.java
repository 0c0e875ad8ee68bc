package com.usdtagent.application.trade;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Offer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What the offer use cases share: an offer shown with its agent's standing, and the agent's own profile. */
final class OfferViews {

    private static final Duration STANDING_PERIOD = Duration.ofDays(30);

    private final Orders orders;
    private final UserAccounts accounts;
    private final Presence presence;
    private final Clock clock;

    OfferViews(Orders orders, UserAccounts accounts, Presence presence, Clock clock) {
        this.orders = orders;
        this.accounts = accounts;
        this.presence = presence;
        this.clock = clock;
    }

    PublicProfile profile(AuthenticatedUser user) {
        return accounts.findById(user.id()).map(UserAccount::publicProfile)
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHORIZED, "The account no longer exists"));
    }

    OfferView view(Offer offer) {
        PublicProfile agent = accounts.findById(offer.agent()).map(UserAccount::publicProfile).orElseThrow();
        Instant since = clock.instant().minus(STANDING_PERIOD);
        Orders.AgentRecord record = orders.recordOf(offer.agent(), since);
        BigDecimal rate = record.ended() == 0 ? null
                : BigDecimal.valueOf(record.completed()).divide(BigDecimal.valueOf(record.ended()), 2, RoundingMode.HALF_UP);
        return new OfferView(offer, new OfferView.Agent(agent, presence.isOnline(offer.agent()), record.completed(), rate));
    }
}
