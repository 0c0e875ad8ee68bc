package com.usdtagent.memory;

import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.contract.TokenChainContract;

import java.math.BigInteger;
import java.util.List;

class MemoryChainTest extends TokenChainContract {

    @Override
    protected ChainUnderTest open() {
        InMemoryAdapters adapters = InMemoryAdapters.create();
        InMemoryAdapters.Chain chain = adapters.chain();
        return new ChainUnderTest() {
            @Override
            public TokenChain tokenChain() {
                return chain;
            }

            @Override
            public HotWallet hotWallet() {
                return chain.hotWallet();
            }

            @Override
            public String transfer(String to, BigInteger units) {
                return chain.transfer(to, units);
            }

            @Override
            public String transferMany(List<String> to, List<BigInteger> units) {
                return chain.transferMany(to, units);
            }

            @Override
            public void mint(String to, BigInteger units) {
                chain.mint(to, units);
            }

            @Override
            public void mine(int blocks) {
                chain.mine(blocks);
            }

            @Override
            public String snapshot() {
                return chain.snapshot();
            }

            @Override
            public void revert(String snapshot) {
                chain.revert(snapshot);
            }

            @Override
            public BigInteger tokenBalance(String address) {
                return chain.tokenBalance(address);
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
                adapters.close();
            }
        };
    }
}
