package com.usdtagent.http;

import com.usdtagent.application.trade.ChangeOffer;
import com.usdtagent.application.trade.ListOffers;
import com.usdtagent.application.trade.PostOffer;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OfferStatus;
import com.usdtagent.domain.trade.Usdt;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;

/** {@code /api/offers}: agents advertise, users browse; {@code /api/me/offers}: an agent's own, paused ones too. */
final class OfferRoutes {

    record PostOfferRequest(
            @NotNull @Pattern(regexp = "SELL|BUY", message = "must be SELL or BUY") String side,
            @NotNull String fiatCurrency,
            @NotNull String price,
            @NotNull String minUsdt,
            @NotNull String maxUsdt,
            @NotNull @Size(min = 1, max = Offer.MAX_PAYMENT_METHODS)
            List<@NotBlank @Size(max = Offer.MAX_PAYMENT_METHOD_LENGTH) String> paymentMethods,
            Integer paymentWindowMinutes,
            @Size(max = Offer.MAX_TERMS_LENGTH) String terms) {
    }

    /** Every field optional: what is absent keeps its value. */
    record ChangeOfferRequest(
            String price,
            String minUsdt,
            String maxUsdt,
            @Size(min = 1, max = Offer.MAX_PAYMENT_METHODS)
            List<@NotBlank @Size(max = Offer.MAX_PAYMENT_METHOD_LENGTH) String> paymentMethods,
            Integer paymentWindowMinutes,
            @Size(max = Offer.MAX_TERMS_LENGTH) String terms,
            @Pattern(regexp = "ACTIVE|PAUSED|CLOSED", message = "must be ACTIVE, PAUSED or CLOSED") String status) {
    }

    private final PostOffer postOffer;
    private final ChangeOffer changeOffer;
    private final ListOffers listOffers;
    private final RequestBodies requestBodies;

    OfferRoutes(PostOffer postOffer, ChangeOffer changeOffer, ListOffers listOffers, RequestBodies requestBodies) {
        this.postOffer = postOffer;
        this.changeOffer = changeOffer;
        this.listOffers = listOffers;
        this.requestBodies = requestBodies;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/api/offers", this::post);
        routes.patch("/api/offers/{id}", this::change);
        routes.get("/api/offers", this::list);
        routes.get("/api/offers/{id}", this::show);
        routes.get("/api/me/offers", this::listOwn);
    }

    private void show(Context ctx) {
        var id = new OfferId(Params.pathUuid(ctx, "id"));
        ctx.json(TradeJson.OfferJson.of(listOffers.show(BearerAuthentication.caller(ctx), id)));
    }

    private void listOwn(Context ctx) {
        var offers = listOffers.listOwn(BearerAuthentication.caller(ctx));
        ctx.json(new TradeJson.OffersJson(offers.stream().map(TradeJson.OfferJson::of).toList()));
    }

    private void post(Context ctx) {
        PostOfferRequest request = requestBodies.read(ctx, PostOfferRequest.class);
        var terms = new Offer.Terms(OfferSide.valueOf(request.side()), request.fiatCurrency(),
                Fiat.parsePositive("price", request.price()), Usdt.parse("minUsdt", request.minUsdt()),
                Usdt.parse("maxUsdt", request.maxUsdt()), request.paymentMethods(), request.paymentWindowMinutes(),
                request.terms());
        ctx.status(HttpStatus.CREATED).json(TradeJson.OfferJson.of(postOffer.post(BearerAuthentication.caller(ctx), terms)));
    }

    private void change(Context ctx) {
        OfferId id = new OfferId(Params.pathUuid(ctx, "id"));
        ChangeOfferRequest request = requestBodies.read(ctx, ChangeOfferRequest.class);
        var changes = new Offer.Changes(
                Optional.ofNullable(request.price()).map(price -> Fiat.parsePositive("price", price)),
                Optional.ofNullable(request.minUsdt()).map(amount -> Usdt.parse("minUsdt", amount)),
                Optional.ofNullable(request.maxUsdt()).map(amount -> Usdt.parse("maxUsdt", amount)),
                Optional.ofNullable(request.paymentMethods()),
                Optional.ofNullable(request.paymentWindowMinutes()),
                Optional.ofNullable(request.terms()),
                Optional.ofNullable(request.status()).map(OfferStatus::valueOf));
        ctx.json(TradeJson.OfferJson.of(changeOffer.change(BearerAuthentication.caller(ctx), id, changes)));
    }

    private void list(Context ctx) {
        var query = new ListOffers.Query(
                Params.query(ctx, "side").map(side -> Params.enumValue(OfferSide.class, "side", side)),
                Params.query(ctx, "fiatCurrency"),
                Params.query(ctx, "usdtAmount").map(amount -> Usdt.parse("usdtAmount", amount)));
        var offers = listOffers.list(BearerAuthentication.caller(ctx), query);
        ctx.json(new TradeJson.OffersJson(offers.stream().map(TradeJson.OfferJson::of).toList()));
    }
}
