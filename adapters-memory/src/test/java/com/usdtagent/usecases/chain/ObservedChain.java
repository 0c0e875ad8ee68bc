package com.usdtagent.usecases.chain;

import com.usdtagent.application.chain.AddressCheck;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.chain.TokenTransfer;
import com.usdtagent.application.chain.TransferReceipt;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chain as a node sees it: which blocks it read transfers from, what it broadcast, and broadcasts that fail as
 * when the node crashed or lost the network just then.
 */
final class ObservedChain implements TokenChain {

    /** Transfers read from the blocks {@code from..to}. */
    record Read(long from, long to) {
    }

    private final TokenChain chain;
    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private final List<String> broadcasts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failing = new AtomicInteger();

    ObservedChain(TokenChain chain) {
        this.chain = chain;
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    /** The hashes of the transfers broadcast, those that failed included. */
    List<String> broadcasts() {
        return List.copyOf(broadcasts);
    }

    /** The next {@code count} broadcasts fail before they reach the network. */
    void failBroadcasts(int count) {
        failing.set(count);
    }

    @Override
    public long latestBlock() {
        return chain.latestBlock();
    }

    @Override
    public Optional<String> blockHash(long number) {
        return chain.blockHash(number);
    }

    @Override
    public List<TokenTransfer> transfersTo(Collection<String> addresses, long fromBlock, long toBlock) {
        reads.add(new Read(fromBlock, toBlock));
        return chain.transfersTo(addresses, fromBlock, toBlock);
    }

    @Override
    public AddressCheck check(String address) {
        return chain.check(address);
    }

    @Override
    public void broadcast(SignedTransfer transfer) {
        broadcasts.add(transfer.txHash());
        if (failing.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the node crashed while broadcasting");
        }
        chain.broadcast(transfer);
    }

    @Override
    public Optional<TransferReceipt> receipt(String txHash) {
        return chain.receipt(txHash);
    }
}
