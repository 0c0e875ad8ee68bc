package com.usdtagent.http;

import com.usdtagent.application.chain.ListDeposits;
import com.usdtagent.application.chain.RequestWithdrawal;
import com.usdtagent.application.chain.ShowDepositAddress;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.Deposit;
import com.usdtagent.domain.wallet.Withdrawal;
import com.usdtagent.domain.wallet.WithdrawalId;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /api/wallet/deposit-address}, deposits and withdrawals on chain, and an admin's review of withdrawals. */
final class OnChainRoutes {

    record WithdrawalRequest(@NotNull String address, @NotNull String amount) {
    }

    record DepositAddressJson(long chainId, String token, String address, int confirmations, String withdrawalFee,
                              String withdrawalMin, String withdrawalApprovalAbove) {
        static DepositAddressJson of(ShowDepositAddress.AddressView view) {
            return new DepositAddressJson(view.chainId(), view.token(), view.address(), view.confirmations(),
                    view.withdrawalFee().wire(), view.withdrawalMin().wire(), view.withdrawalApprovalAbove().wire());
        }
    }

    record DepositJson(String txHash, int logIndex, String amount, long blockNumber, long confirmations, String status,
                       Instant seenAt, Instant creditedAt) {
        static DepositJson of(ListDeposits.DepositView view) {
            Deposit deposit = view.deposit();
            return new DepositJson(deposit.txHash(), deposit.logIndex(), deposit.amount().wire(), deposit.blockNumber(),
                    view.confirmations(), deposit.status().name(), deposit.seenAt(), deposit.creditedAt());
        }
    }

    record DepositsJson(List<DepositJson> deposits) {
    }

    record WithdrawalJson(String id, String address, String amount, String fee, String status, String txHash,
                          Instant createdAt, Instant sentAt, Instant confirmedAt) {
        static WithdrawalJson of(Withdrawal withdrawal) {
            return new WithdrawalJson(withdrawal.id().toString(), withdrawal.address(), withdrawal.amount().wire(),
                    withdrawal.fee().wire(), withdrawal.status().name(), withdrawal.txHash(), withdrawal.createdAt(),
                    withdrawal.sentAt(), withdrawal.confirmedAt());
        }
    }

    record WithdrawalsJson(List<WithdrawalJson> withdrawals) {
        static WithdrawalsJson of(List<Withdrawal> withdrawals) {
            return new WithdrawalsJson(withdrawals.stream().map(WithdrawalJson::of).toList());
        }
    }

    private final Optional<HttpApi.OnChainUseCases> onChain;
    private final RequestBodies requestBodies;

    OnChainRoutes(Optional<HttpApi.OnChainUseCases> onChain, RequestBodies requestBodies) {
        this.onChain = onChain;
        this.requestBodies = requestBodies;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/api/wallet/deposit-address", ctx -> ctx.json(DepositAddressJson.of(
                useCases().showDepositAddress().depositAddress(BearerAuthentication.caller(ctx)))));
        routes.get("/api/wallet/deposits", ctx -> ctx.json(new DepositsJson(useCases().listDeposits()
                .deposits(BearerAuthentication.caller(ctx)).stream().map(DepositJson::of).toList())));
        routes.post("/api/wallet/withdrawals", this::request);
        routes.get("/api/wallet/withdrawals", ctx -> ctx.json(WithdrawalsJson.of(
                useCases().listWithdrawals().withdrawals(BearerAuthentication.caller(ctx)))));
        routes.get("/api/admin/withdrawals", this::review);
        routes.post("/api/admin/withdrawals/{id}/approve", ctx -> ctx.json(WithdrawalJson.of(
                useCases().reviewWithdrawals().approve(BearerAuthentication.caller(ctx), withdrawalId(ctx)))));
        routes.post("/api/admin/withdrawals/{id}/reject", ctx -> ctx.json(WithdrawalJson.of(
                useCases().reviewWithdrawals().reject(BearerAuthentication.caller(ctx), withdrawalId(ctx)))));
    }

    /** The routes stay in place without a chain, and refuse the same way. */
    private HttpApi.OnChainUseCases useCases() {
        return onChain.orElseThrow(() -> new BusinessException(ErrorCode.INVALID_STATE,
                "On-chain deposits and withdrawals are not configured on this server"));
    }

    private void request(Context ctx) {
        WithdrawalRequest request = requestBodies.read(ctx, WithdrawalRequest.class);
        var command = new RequestWithdrawal.Command(request.address(), Usdt.parse("amount", request.amount()),
                ctx.header(OrderRoutes.IDEMPOTENCY_KEY));
        Withdrawal withdrawal = useCases().requestWithdrawal().request(BearerAuthentication.caller(ctx), command);
        // a retry gets the same withdrawal; 201 either way, as it exists because of this key
        ctx.status(HttpStatus.CREATED).json(WithdrawalJson.of(withdrawal));
    }

    private void review(Context ctx) {
        var status = Params.query(ctx, "status").map(value -> Params.enumValue(WithdrawalStatus.class, "status", value));
        ctx.json(WithdrawalsJson.of(useCases().reviewWithdrawals().list(BearerAuthentication.caller(ctx), status)));
    }

    private static WithdrawalId withdrawalId(Context ctx) {
        return new WithdrawalId(Params.pathUuid(ctx, "id"));
    }
}
