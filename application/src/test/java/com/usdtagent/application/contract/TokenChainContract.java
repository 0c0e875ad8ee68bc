package com.usdtagent.application.contract;

import com.usdtagent.application.chain.AddressCheck;
import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.chain.TokenTransfer;
import com.usdtagent.domain.trade.Usdt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link TokenChain} and {@link HotWallet}, on a chain the test drives as anvil is driven: the token's transfers to
 * the watched addresses with their logs and blocks; a block hash that changes when the chain is reorganised; a
 * signed transfer the chain takes once however often it is broadcast, that reverts (using its nonce) beyond the hot
 * wallet's tokens, and that goes out again once a reorganisation took it away; a used nonce refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TokenChainContract {

    /** A chain with the token, a payer holding plenty of it, and the hot wallet, which starts without any. */
    public interface ChainUnderTest extends AutoCloseable {

        TokenChain tokenChain();

        HotWallet hotWallet();

        /** A transfer from the payer, in a block when this returns; its hash. */
        String transfer(String to, BigInteger units);

        /** One transaction from the payer with a {@code Transfer} log to each of {@code to}; its hash. */
        String transferMany(List<String> to, List<BigInteger> units);

        /** New tokens for {@code to}, in a block when this returns; the transaction's hash. */
        String mint(String to, BigInteger units);

        void mine(int blocks);

        String snapshot();

        /** Takes the blocks after {@code snapshot} off the chain, as a reorganisation does. */
        void revert(String snapshot);

        BigInteger tokenBalance(String address);

        /** Waits until a broadcast transaction is in a block. */
        void awaitReceipt(String txHash);

        /** Words the chain's refusal of a transfer with a used nonce says. */
        String usedNonceRefusal();

        @Override
        void close();
    }

    private static final String ALICE = "0x1111111111111111111111111111111111111111";
    private static final String BOB = "0x2222222222222222222222222222222222222222";
    private static final String CAROL = "0x3333333333333333333333333333333333333333";

    protected ChainUnderTest under;
    private TokenChain chain;
    private HotWallet hotWallet;

    protected abstract ChainUnderTest open();

    @BeforeAll
    final void openChain() {
        under = open();
        chain = under.tokenChain();
        hotWallet = under.hotWallet();
    }

    @AfterAll
    final void closeChain() {
        under.close();
    }

    protected static BigInteger units(String usdt) {
        return new BigDecimal(usdt).movePointRight(Usdt.SCALE).toBigIntegerExact();
    }

    private String canonical(String address) {
        return ((AddressCheck.Valid) chain.check(address)).canonical();
    }

    @Test
    void findsTheTransfersToTheWatchedAddressesWithTheirLogsAndBlocks() {
        long from = chain.latestBlock() + 1;
        String toAlice = under.transfer(ALICE, units("12.5"));
        under.transfer(CAROL, units("1"));
        String many = under.transferMany(List.of(BOB, CAROL, ALICE), List.of(units("2"), units("3"), units("0.000001")));
        long to = chain.latestBlock();

        List<TokenTransfer> transfers = chain.transfersTo(Set.of(canonical(ALICE), canonical(BOB)), from, to);

        assertThat(transfers).extracting(TokenTransfer::txHash, TokenTransfer::to, TokenTransfer::units).containsExactly(
                tuple(toAlice, canonical(ALICE), units("12.5")),
                tuple(many, canonical(BOB), units("2")),
                tuple(many, canonical(ALICE), units("0.000001")));
        // two logs of one transaction: the same hash, different log indexes
        assertThat(transfers.get(1).logIndex()).isNotEqualTo(transfers.get(2).logIndex());
        for (TokenTransfer transfer : transfers) {
            assertThat(chain.blockHash(transfer.blockNumber())).contains(transfer.blockHash());
        }
        // the second block holds only the transfer to Carol, whom nobody watches
        assertThat(chain.transfersTo(Set.of(canonical(ALICE), canonical(BOB)), from + 1, from + 1)).isEmpty();
    }

    @Test
    void aBlockHashChangesWhenTheChainIsReorganisedAndIsEmptyBeyondTheHead() {
        String snapshot = under.snapshot();
        under.transfer(ALICE, units("1"));
        long block = chain.latestBlock();
        String before = chain.blockHash(block).orElseThrow();

        under.revert(snapshot);

        assertThat(chain.blockHash(block)).isEmpty();
        under.mine(1);
        assertThat(chain.blockHash(block)).isPresent().get().isNotEqualTo(before);
        assertThat(chain.latestBlock()).isEqualTo(block);
    }

    @Test
    void theHotWalletSignsATransferThatTheChainTakesOnceHoweverOftenItIsBroadcast() {
        under.mint(hotWallet.address(), units("100"));
        Usdt before = hotWallet.balance();
        long nonce = hotWallet.nextNonce();
        SignedTransfer signed = hotWallet.sign(BOB, new Usdt(new BigDecimal("40.25")), nonce);
        BigInteger bobBefore = under.tokenBalance(BOB);

        chain.broadcast(signed);
        chain.broadcast(signed);
        under.awaitReceipt(signed.txHash());
        under.mine(2);
        chain.broadcast(signed);

        var receipt = chain.receipt(signed.txHash()).orElseThrow();
        assertThat(receipt.succeeded()).isTrue();
        assertThat(chain.blockHash(receipt.blockNumber())).contains(receipt.blockHash());
        assertThat(under.tokenBalance(BOB).subtract(bobBefore)).isEqualTo(units("40.25"));
        assertThat(hotWallet.balance().value()).isEqualByComparingTo(before.value().subtract(new BigDecimal("40.25")));
        assertThat(hotWallet.nextNonce()).isEqualTo(nonce + 1);
        assertThat(hotWallet.address()).isEqualTo(canonical(hotWallet.address()));
    }

    @Test
    void aTransferBeyondTheHotWalletsTokensRevertsButUsesItsNonce() {
        long nonce = hotWallet.nextNonce();
        SignedTransfer tooMuch = hotWallet.sign(CAROL, hotWallet.balance().plus(new Usdt(BigDecimal.ONE)), nonce);

        chain.broadcast(tooMuch);
        under.awaitReceipt(tooMuch.txHash());

        assertThat(chain.receipt(tooMuch.txHash()).orElseThrow().succeeded()).isFalse();
        assertThat(hotWallet.nextNonce()).isEqualTo(nonce + 1);
    }

    @Test
    void anotherTransferWithANonceAlreadyUsedIsRefused() {
        long nonce = hotWallet.nextNonce();
        SignedTransfer used = hotWallet.sign(ALICE, new Usdt(BigDecimal.ONE), nonce);
        chain.broadcast(used);
        under.awaitReceipt(used.txHash());
        SignedTransfer stale = hotWallet.sign(CAROL, new Usdt(BigDecimal.ONE), nonce);

        assertThatThrownBy(() -> chain.broadcast(stale)).hasMessageContaining(under.usedNonceRefusal());
        assertThat(chain.receipt(stale.txHash())).isEmpty();
    }

    @Test
    void aTransferAReorganisationTookAwayGoesOutAgainWithItsNonce() {
        under.mint(hotWallet.address(), units("10"));
        long nonce = hotWallet.nextNonce();
        String snapshot = under.snapshot();
        SignedTransfer signed = hotWallet.sign(BOB, new Usdt(BigDecimal.ONE), nonce);
        BigInteger bobBefore = under.tokenBalance(BOB);
        chain.broadcast(signed);
        under.awaitReceipt(signed.txHash());

        under.revert(snapshot);

        assertThat(chain.receipt(signed.txHash())).isEmpty();
        assertThat(hotWallet.nextNonce()).isEqualTo(nonce);
        chain.broadcast(signed);
        under.awaitReceipt(signed.txHash());
        assertThat(chain.receipt(signed.txHash())).hasValueSatisfying(receipt -> assertThat(receipt.succeeded()).isTrue());
        assertThat(under.tokenBalance(BOB).subtract(bobBefore)).isEqualTo(units("1"));
    }

    @Test
    void anAddressComesBackInItsCanonicalFormAndAMalformedOneIsRefused() {
        String alice = canonical(ALICE.toUpperCase().replace("0X", "0x"));

        assertThat(chain.check(alice)).isEqualTo(new AddressCheck.Valid(alice));
        for (String malformed : List.of("", "0x12", ALICE.substring(2), ALICE + "1", "0xZ" + ALICE.substring(3))) {
            assertThat(chain.check(malformed)).as(malformed).isInstanceOf(AddressCheck.Invalid.class);
        }
    }
}
