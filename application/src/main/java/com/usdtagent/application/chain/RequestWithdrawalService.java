package com.usdtagent.application.chain;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.domain.wallet.Withdrawal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** A withdrawal request, its funds held in the same transaction; a retry with the same key finds the first. */
final class RequestWithdrawalService implements RequestWithdrawal {

    /** A withdrawal made now, or the one an earlier request with the same key made. */
    private record Requested(Withdrawal withdrawal, boolean fresh) {
    }

    private final Withdrawals withdrawals;
    private final TokenChain chain;
    private final Ledger ledger;
    private final WalletNews news;
    private final ChainMetrics metrics;
    private final Transactions transactions;
    private final ChainConfig config;
    private final Clock clock;

    RequestWithdrawalService(Withdrawals withdrawals, TokenChain chain, Ledger ledger, WalletNews news,
                             ChainMetrics metrics, Transactions transactions, ChainConfig config, Clock clock) {
        this.withdrawals = withdrawals;
        this.chain = chain;
        this.ledger = ledger;
        this.news = news;
        this.metrics = metrics;
        this.transactions = transactions;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Withdrawal request(AuthenticatedUser caller, Command command) {
        String address = destination(command.address());
        if (command.amount().compareTo(config.minimum()) < 0) {
            throw BusinessException.invalidField("amount", "must be at least " + config.minimum().wire());
        }
        Instant now = clock.instant();
        Requested requested = transactions.inTransaction(() -> {
            // the key's lock makes a concurrent retry wait for this request and then find it
            withdrawals.lockIdempotencyKey(caller.id(), command.idempotencyKey());
            Optional<Withdrawal> earlier = withdrawals.findByIdempotencyKey(caller.id(), command.idempotencyKey());
            if (earlier.isPresent()) {
                requireSameRequest(earlier.get(), address, command);
                return new Requested(earlier.get(), false);
            }
            Withdrawal withdrawal = Withdrawal.request(caller.id(), address, command.amount(), config.fee(),
                    config.approvalAbove(), now);
            withdrawals.add(withdrawal, command.idempotencyKey());
            ledger.record(withdrawal.hold(), now); // INSUFFICIENT_FUNDS rolls the request back
            return new Requested(withdrawal, true);
        });
        if (requested.fresh()) {
            metrics.withdrawal(requested.withdrawal().status());
            news.announce(caller.id());
        }
        return requested.withdrawal();
    }

    /** The address in its canonical form, refused when it is not one or would lose the USDT. */
    private String destination(String typed) {
        return switch (chain.check(typed)) {
            case AddressCheck.Invalid invalid -> throw BusinessException.invalidField("address", invalid.reason());
            case AddressCheck.Valid valid when valid.canonical().equalsIgnoreCase(config.token()) ->
                    throw BusinessException.invalidField("address", "is the USDT contract itself, which cannot send it on");
            case AddressCheck.Valid valid -> valid.canonical();
        };
    }

    /** A key names one request: reusing it for another address or amount is a client bug, not a retry. */
    private static void requireSameRequest(Withdrawal earlier, String address, Command command) {
        if (!earlier.address().equals(address) || earlier.amount().compareTo(command.amount()) != 0) {
            throw new BusinessException(ErrorCode.CONFLICT, "This Idempotency-Key was used for another withdrawal");
        }
    }
}
