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

    private final ShowDepositAddress showDepositAddress;
    private final ListDeposits listDeposits;
    private final RequestWithdrawal requestWithdrawal;
    private final ListWithdrawals listWithdrawals;
    private final ReviewWithdrawals reviewWithdrawals;
    private final FollowDeposits followDeposits;
    private final SendWithdrawals sendWithdrawals;

    /** @param node this node's name in the follower's and the sender's leases, different on every node */
    public ChainServices(Chain chain, Storage storage, PushOutbox push, WalletSignals signals, ChainMetrics metrics,
                         ChainConfig config, String node, Clock clock) {
        var news = new WalletNews(storage.ledger(), signals);
        this.showDepositAddress = new ShowDepositAddressService(storage.addresses(), chain.deriver(), config);
        this.listDeposits = new ListDepositsService(storage.deposits(), storage.scannedBlocks());
        this.requestWithdrawal = new RequestWithdrawalService(storage.withdrawals(), chain.tokenChain(),
                storage.ledger(), news, metrics, storage.transactions(), config, clock);
        this.listWithdrawals = new ListWithdrawalsService(storage.withdrawals());
        this.reviewWithdrawals = new ReviewWithdrawalsService(storage.withdrawals(), storage.ledger(), news, metrics,
                storage.transactions(), clock);
        this.followDeposits = new FollowDepositsService(chain.tokenChain(), storage.addresses(),
                storage.deposits(), storage.scannedBlocks(), storage.leases(), storage.ledger(), push, news, metrics,
                storage.transactions(), config, node, clock);
        this.sendWithdrawals = new SendWithdrawalsService(chain.tokenChain(), chain.hotWallet(), storage.withdrawals(),
                storage.leases(), storage.ledger(), news, metrics, storage.transactions(), config, node, clock);
    }

    public ShowDepositAddress showDepositAddress() {
        return showDepositAddress;
    }

    public ListDeposits listDeposits() {
        return listDeposits;
    }

    public RequestWithdrawal requestWithdrawal() {
        return requestWithdrawal;
    }

    public ListWithdrawals listWithdrawals() {
        return listWithdrawals;
    }

    public ReviewWithdrawals reviewWithdrawals() {
        return reviewWithdrawals;
    }

    public FollowDeposits followDeposits() {
        return followDeposits;
    }

    public SendWithdrawals sendWithdrawals() {
        return sendWithdrawals;
    }
}
