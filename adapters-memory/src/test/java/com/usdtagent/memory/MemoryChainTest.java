package com.usdtagent.memory;

import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.contract.TokenChainContract;

/** The chain port's contract on the in-memory chain, whose own controls are the contract's. */
class MemoryChainTest extends TokenChainContract {

    private static final class ChainInMemory extends MemoryChain implements ChainUnderTest {

        @Override
        public TokenChain tokenChain() {
            return this;
        }

        @Override
        public void awaitReceipt(String txHash) {
            // mined as it is broadcast
        }

        @Override
        public String usedNonceRefusal() {
            return "nonce too low";
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    @Override
    protected ChainUnderTest open() {
        return new ChainInMemory();
    }
}
