package com.usdtagent.application.chain;

import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;

import java.time.Clock;
import java.util.Objects;

/** The deposit and withdrawal use cases of one node, built together because they share their ports. */
public final class ChainServices {

    /** The chain's side: the token's chain, the hot wallet that pays out, and the key deposit addresses come from. */
    public record Chain(TokenChain tokenChain, HotWallet hotWallet, DepositAddressDeriver deriver) {
        public Chain {
            Objects.requireNonNull(tokenChain, "tokenChain");
            Objects.requireNonNull(hotWallet, "hotWallet");
            Objects.requireNonNull(deriver, "deriver");
        }
    }

    /** Where deposits, withdrawals and the follower's place are kept. */
    public record Storage(DepositAddresses addresses, Deposits deposits, ScannedBlocks scannedBlocks,
                          Withdrawals withdrawals, Leases leases, Ledger ledger, Transactions transactions) {
    }

    private final DepositService deposits;
    private final DepositFollowerService follower;
    private final WithdrawalService withdrawals;
    private final WithdrawalSenderService sender;

    /** @param node this node's name in the follower's and the sender's leases, different on every node */
    public ChainServices(Chain chain, Storage storage, PushOutbox push, WalletSignals signals, ChainMetrics metrics,
                         ChainConfig config, String node, Clock clock) {
        var news = new WalletNews(storage.ledger(), signals);
        this.deposits = new DepositService(storage.addresses(), chain.deriver(), storage.deposits(),
                storage.scannedBlocks(), config);
        this.follower = new DepositFollowerService(chain.tokenChain(), storage.addresses(), storage.deposits(),
                storage.scannedBlocks(), storage.leases(), storage.ledger(), push, news, metrics, storage.transactions(),
                config, node, clock);
        this.withdrawals = new WithdrawalService(storage.withdrawals(), chain.tokenChain(), storage.ledger(), news,
                metrics, storage.transactions(), config, clock);
        this.sender = new WithdrawalSenderService(chain.tokenChain(), chain.hotWallet(), storage.withdrawals(),
                storage.leases(), storage.ledger(), news, metrics, storage.transactions(), config, node, clock);
    }

    public ShowDepositAddress showDepositAddress() {
        return deposits;
    }

    public ListDeposits listDeposits() {
        return deposits;
    }

    public RequestWithdrawal requestWithdrawal() {
        return withdrawals;
    }

    public ListWithdrawals listWithdrawals() {
        return withdrawals;
    }

    public ReviewWithdrawals reviewWithdrawals() {
        return withdrawals;
    }

    public FollowDeposits followDeposits() {
        return follower;
    }

    public SendWithdrawals sendWithdrawals() {
        return sender;
    }
}
