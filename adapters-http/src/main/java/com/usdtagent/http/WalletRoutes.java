package com.usdtagent.http;

import com.usdtagent.application.ledger.DepositFunds;
import com.usdtagent.application.ledger.ShowWallet;
import com.usdtagent.application.ledger.WalletJson;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Usdt;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotNull;

/** {@code /api/wallet}: the caller's USDT; {@code /api/admin/wallets}: deposits standing in for the chain. */
final class WalletRoutes {

    record DepositRequest(@NotNull String amount, @NotNull String reference) {
    }

    private final ShowWallet showWallet;
    private final DepositFunds depositFunds;
    private final RequestBodies requestBodies;

    WalletRoutes(ShowWallet showWallet, DepositFunds depositFunds, RequestBodies requestBodies) {
        this.showWallet = showWallet;
        this.depositFunds = depositFunds;
        this.requestBodies = requestBodies;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/api/wallet", this::balance);
        routes.get("/api/wallet/entries", this::entries);
        routes.post("/api/admin/wallets/{userId}/deposit", this::deposit);
    }

    private void balance(Context ctx) {
        ctx.json(WalletJson.of(showWallet.balance(BearerAuthentication.caller(ctx))));
    }

    private void entries(Context ctx) {
        var entries = showWallet.entries(BearerAuthentication.caller(ctx), Params.queryLong(ctx, "before"),
                Params.queryInt(ctx, "limit").orElse(ShowWallet.DEFAULT_LIMIT));
        ctx.json(new TradeJson.EntriesJson(entries.stream().map(TradeJson.EntryJson::of).toList()));
    }

    private void deposit(Context ctx) {
        UserId user = new UserId(Params.pathUuid(ctx, "userId"));
        DepositRequest request = requestBodies.read(ctx, DepositRequest.class);
        var command = new DepositFunds.Command(user, Usdt.parse("amount", request.amount()), request.reference());
        ctx.json(WalletJson.of(depositFunds.deposit(BearerAuthentication.caller(ctx), command)));
    }
}
