package com.usdtagent.domain.trade;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.shared.Text;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** An agent's advertisement: the price and limits at which they buy or sell USDT for one fiat currency. */
public record Offer(OfferId id, UserId agent, OfferSide side, String fiatCurrency, Fiat price, Usdt minUsdt,
                    Usdt maxUsdt, List<String> paymentMethods, int paymentWindowMinutes, String terms,
                    OfferStatus status, Instant createdAt) {

    public static final int DEFAULT_PAYMENT_WINDOW_MINUTES = 15;
    public static final int MIN_PAYMENT_WINDOW_MINUTES = 5;
    public static final int MAX_PAYMENT_WINDOW_MINUTES = 120;
    public static final int MAX_PAYMENT_METHODS = 10;
    public static final int MAX_PAYMENT_METHOD_LENGTH = 50;
    public static final int MAX_TERMS_LENGTH = 2000;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(minUsdt, "minUsdt");
        Objects.requireNonNull(maxUsdt, "maxUsdt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (fiatCurrency == null || !CURRENCY.matcher(fiatCurrency).matches() || !isIso4217(fiatCurrency)) {
            throw BusinessException.invalidField("fiatCurrency", "must be an ISO 4217 code such as \"USD\"");
        }
        if (minUsdt.compareTo(maxUsdt) > 0) {
            throw BusinessException.invalidField("minUsdt", "must not be more than maxUsdt");
        }
        if (paymentWindowMinutes < MIN_PAYMENT_WINDOW_MINUTES || paymentWindowMinutes > MAX_PAYMENT_WINDOW_MINUTES) {
            throw BusinessException.invalidField("paymentWindowMinutes",
                    "must be " + MIN_PAYMENT_WINDOW_MINUTES + ".." + MAX_PAYMENT_WINDOW_MINUTES);
        }
        paymentMethods = List.copyOf(paymentMethods);
        if (paymentMethods.isEmpty() || paymentMethods.size() > MAX_PAYMENT_METHODS || paymentMethods.stream()
                .anyMatch(method -> Text.isBlank(method) || method.length() > MAX_PAYMENT_METHOD_LENGTH)) {
            throw BusinessException.invalidField("paymentMethods", "must be 1.." + MAX_PAYMENT_METHODS
                    + " methods, each 1.." + MAX_PAYMENT_METHOD_LENGTH + " characters");
        }
        terms = terms == null ? "" : terms;
        if (terms.length() > MAX_TERMS_LENGTH) {
            throw BusinessException.invalidField("terms", "must be at most " + MAX_TERMS_LENGTH + " characters");
        }
    }

    private static boolean isIso4217(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** What an agent asks for; absent parts of {@link Changes} keep their value. */
    public record Terms(OfferSide side, String fiatCurrency, Fiat price, Usdt minUsdt, Usdt maxUsdt,
                        List<String> paymentMethods, Integer paymentWindowMinutes, String terms) {
    }

    public record Changes(Optional<Fiat> price, Optional<Usdt> minUsdt, Optional<Usdt> maxUsdt,
                          Optional<List<String>> paymentMethods, Optional<Integer> paymentWindowMinutes,
                          Optional<String> terms, Optional<OfferStatus> status) {
    }

    /** A new ACTIVE offer; only agents advertise. */
    public static Offer post(PublicProfile agent, Terms terms, Instant now) {
        if (agent.role() != Role.AGENT) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only agents post offers");
        }
        int window = terms.paymentWindowMinutes() == null ? DEFAULT_PAYMENT_WINDOW_MINUTES : terms.paymentWindowMinutes();
        return new Offer(OfferId.newId(), agent.id(), terms.side(), terms.fiatCurrency(), terms.price(),
                terms.minUsdt(), terms.maxUsdt(), terms.paymentMethods(), window, terms.terms(), OfferStatus.ACTIVE, now);
    }

    /** The offer as its agent changed it; a closed offer stays closed. */
    public Offer changedBy(UserId actor, Changes changes) {
        if (!agent.equals(actor)) {
            throw new BusinessException(ErrorCode.FORBIDDEN, "Only the offer's agent may change it");
        }
        if (status == OfferStatus.CLOSED) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The offer is closed");
        }
        return new Offer(id, agent, side, fiatCurrency, changes.price().orElse(price),
                changes.minUsdt().orElse(minUsdt), changes.maxUsdt().orElse(maxUsdt),
                changes.paymentMethods().orElse(paymentMethods),
                changes.paymentWindowMinutes().orElse(paymentWindowMinutes), changes.terms().orElse(terms),
                changes.status().orElse(status), createdAt);
    }

    /**
     * Refuses an order the offer does not take: 409 {@code INVALID_STATE} when it is not ACTIVE, 400
     * {@code VALIDATION_FAILED} on {@code usdtAmount} when the amount is outside its limits.
     */
    public void requireTakes(Usdt amount) {
        if (status != OfferStatus.ACTIVE) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "The offer is not active");
        }
        if (amount.compareTo(minUsdt) < 0 || amount.compareTo(maxUsdt) > 0) {
            throw BusinessException.invalidField("usdtAmount", "must be between " + minUsdt + " and " + maxUsdt);
        }
    }

    /** Who hands over the USDT in an order of {@code user} on this offer. */
    public UserId sellerFor(UserId user) {
        return side == OfferSide.SELL ? agent : user;
    }

    public UserId buyerFor(UserId user) {
        return side == OfferSide.SELL ? user : agent;
    }
}
