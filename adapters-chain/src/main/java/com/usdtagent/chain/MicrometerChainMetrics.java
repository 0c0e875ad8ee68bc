package com.usdtagent.chain;

import com.usdtagent.application.chain.ChainMetrics;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code chain_deposits_seen_total}, {@code chain_deposits_credited_total}, {@code chain_withdrawals_total{status}}
 * (withdrawals that reached each status), {@code chain_follower_lag_blocks} and {@code chain_hot_wallet_balance_usdt}.
 * The two gauges are NaN until this node's follower or sender first measured them.
 */
final class MicrometerChainMetrics implements ChainMetrics {

    private final Counter seen;
    private final Counter credited;
    private final Map<WithdrawalStatus, Counter> withdrawals = new EnumMap<>(WithdrawalStatus.class);
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicReference<Double> hotWallet = new AtomicReference<>(Double.NaN);

    MicrometerChainMetrics(MeterRegistry meters) {
        seen = Counter.builder("chain.deposits.seen").description("token transfers to deposit addresses seen on chain")
                .register(meters);
        credited = Counter.builder("chain.deposits.credited").description("deposits credited after their confirmations")
                .register(meters);
        for (WithdrawalStatus status : WithdrawalStatus.values()) {
            withdrawals.put(status, Counter.builder("chain.withdrawals").tag("status", status.name())
                    .description("withdrawals that reached this status").register(meters));
        }
        Gauge.builder("chain.follower.lag", lag, value -> value.get() < 0 ? Double.NaN : value.get()).baseUnit("blocks")
                .description("blocks between the chain's newest and the deposit follower's").register(meters);
        Gauge.builder("chain.hot.wallet.balance", hotWallet, AtomicReference::get).baseUnit("usdt")
                .description("USDT the hot wallet holds on chain").register(meters);
    }

    @Override
    public void depositsSeen(int count) {
        seen.increment(count);
    }

    @Override
    public void depositCredited() {
        credited.increment();
    }

    @Override
    public void withdrawal(WithdrawalStatus status) {
        withdrawals.get(status).increment();
    }

    @Override
    public void followerLag(long blocks) {
        lag.set(Math.max(0, blocks));
    }

    @Override
    public void hotWalletBalance(Usdt balance) {
        hotWallet.set(balance.value().doubleValue());
    }
}
