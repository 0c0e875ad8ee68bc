package com.usdtagent.chain;

import com.usdtagent.application.chain.AddressCheck;
import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.chain.TokenTransfer;
import com.usdtagent.chain.testing.Anvil;
import com.usdtagent.domain.trade.Usdt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The adapter against a real local chain (anvil) and a deployed 6-decimal token. */
class EvmChainTest {

    private static final String ALICE = "0x1111111111111111111111111111111111111111";
    private static final String BOB = "0x2222222222222222222222222222222222222222";
    private static final String CAROL = "0x3333333333333333333333333333333333333333";

    private static Anvil anvil;
    private static String token;
    private static EvmChain evm;
    private static TokenChain chain;
    private static HotWallet hotWallet;

    @BeforeAll
    static void start() {
        anvil = Anvil.start();
        token = anvil.deployToken();
        anvil.mint(token, Anvil.PAYER, units("1000000"));
        evm = EvmChain.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, token);
        chain = evm.tokenChain();
        hotWallet = evm.hotWallet(Anvil.keyFile(Anvil.HOT_WALLET_KEY), 100_000);
    }

    @AfterAll
    static void stop() {
        evm.close();
        anvil.close();
    }

    @Test
    void refusesANodeOfAnotherChainAndAnAddressThatIsNoSixDecimalToken() {
        assertThatThrownBy(() -> EvmChain.connect(anvil.rpcUrl(), 1, token))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("serves chain 31337, not 1");
        assertThatThrownBy(() -> EvmChain.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ALICE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ERC-20");
    }

    @Test
    void findsTheTransfersToTheWatchedAddressesWithTheirLogsAndBlocks() {
        long from = anvil.blockNumber() + 1;
        String toAlice = anvil.transfer(token, ALICE, units("12.5"));
        anvil.transfer(token, CAROL, units("1"));
        String many = anvil.transferMany(token, List.of(BOB, CAROL, ALICE), List.of(units("2"), units("3"), units("0.000001")));
        long to = anvil.blockNumber();

        List<TokenTransfer> transfers = chain.transfersTo(Set.of(checksummed(ALICE), checksummed(BOB)), from, to);

        assertThat(transfers).extracting(TokenTransfer::txHash, TokenTransfer::to, TokenTransfer::units).containsExactly(
                tuple(toAlice, checksummed(ALICE), units("12.5")),
                tuple(many, checksummed(BOB), units("2")),
                tuple(many, checksummed(ALICE), units("0.000001")));
        // two logs of one transaction: the same hash, different log indexes
        assertThat(transfers.get(1).logIndex()).isNotEqualTo(transfers.get(2).logIndex());
        for (TokenTransfer transfer : transfers) {
            assertThat(chain.blockHash(transfer.blockNumber())).contains(transfer.blockHash());
        }
        // the second block holds only the transfer to Carol, whom nobody watches
        assertThat(chain.transfersTo(Set.of(checksummed(ALICE), checksummed(BOB)), from + 1, from + 1)).isEmpty();
    }

    @Test
    void aBlockHashChangesWhenTheChainIsReorganisedAndIsEmptyBeyondTheHead() {
        String snapshot = anvil.snapshot();
        anvil.transfer(token, ALICE, units("1"));
        long block = anvil.blockNumber();
        String before = chain.blockHash(block).orElseThrow();

        anvil.revert(snapshot);

        assertThat(chain.blockHash(block)).isEmpty();
        anvil.mine(1);
        assertThat(chain.blockHash(block)).isPresent().get().isNotEqualTo(before);
        assertThat(chain.latestBlock()).isEqualTo(block);
    }

    @Test
    void theHotWalletSignsATransferThatTheChainTakesOnceHoweverOftenItIsBroadcast() {
        anvil.mint(token, Anvil.HOT_WALLET, units("100"));
        Usdt before = hotWallet.balance();
        long nonce = hotWallet.nextNonce();
        SignedTransfer signed = hotWallet.sign(BOB, new Usdt(new BigDecimal("40.25")), nonce);
        BigInteger bobBefore = anvil.tokenBalance(token, BOB);

        chain.broadcast(signed);
        chain.broadcast(signed);
        anvil.awaitReceipt(signed.txHash());
        anvil.mine(2);
        chain.broadcast(signed);

        var receipt = chain.receipt(signed.txHash()).orElseThrow();
        assertThat(receipt.succeeded()).isTrue();
        assertThat(chain.blockHash(receipt.blockNumber())).contains(receipt.blockHash());
        assertThat(anvil.tokenBalance(token, BOB).subtract(bobBefore)).isEqualTo(units("40.25"));
        assertThat(hotWallet.balance().value()).isEqualByComparingTo(before.value().subtract(new BigDecimal("40.25")));
        assertThat(hotWallet.nextNonce()).isEqualTo(nonce + 1);
        assertThat(hotWallet.address()).isEqualTo(checksummed(Anvil.HOT_WALLET));
    }

    @Test
    void aTransferBeyondTheHotWalletsTokensRevertsButUsesItsNonce() {
        long nonce = hotWallet.nextNonce();
        SignedTransfer tooMuch = hotWallet.sign(CAROL, hotWallet.balance().plus(new Usdt(BigDecimal.ONE)), nonce);

        chain.broadcast(tooMuch);
        anvil.awaitReceipt(tooMuch.txHash());

        assertThat(chain.receipt(tooMuch.txHash()).orElseThrow().succeeded()).isFalse();
        assertThat(hotWallet.nextNonce()).isEqualTo(nonce + 1);
    }

    @Test
    void anotherTransferWithANonceAlreadyUsedIsRefused() {
        long nonce = hotWallet.nextNonce();
        SignedTransfer used = hotWallet.sign(ALICE, new Usdt(BigDecimal.ONE), nonce);
        chain.broadcast(used);
        anvil.awaitReceipt(used.txHash());
        SignedTransfer stale = hotWallet.sign(CAROL, new Usdt(BigDecimal.ONE), nonce);

        assertThatThrownBy(() -> chain.broadcast(stale)).hasMessageContaining("eth_sendRawTransaction");
        assertThat(chain.receipt(stale.txHash())).isEmpty();
    }

    @Test
    void checksAddressesAsEip55Says() {
        // EIP-55's own examples
        for (String valid : List.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")) {
            assertThat(chain.check(valid)).isEqualTo(new AddressCheck.Valid(valid));
            assertThat(chain.check(valid.toLowerCase(java.util.Locale.ROOT))).isEqualTo(new AddressCheck.Valid(valid));
        }
        assertThat(chain.check("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isInstanceOf(AddressCheck.Invalid.class)
                .extracting(check -> ((AddressCheck.Invalid) check).reason()).asString().contains("checksum");
        for (String malformed : List.of("", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd", "0xZaAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")) {
            assertThat(chain.check(malformed)).as(malformed).isInstanceOf(AddressCheck.Invalid.class);
        }
        assertThatThrownBy(() -> EvmChain.canonicalAddress("0x12")).hasMessageContaining("40 hexadecimal digits");
        assertThat(EvmChain.canonicalAddress(token.toLowerCase(java.util.Locale.ROOT))).isEqualTo(checksummed(token));
    }

    @Test
    void aKeyFileHoldsOneKeyAndARefusalNeverShowsIt() throws Exception {
        Path file = Files.createTempFile("key", ".txt");
        Files.writeString(file, "0x1234 not a key\n");

        assertThatThrownBy(() -> EvmChain.readKey(file)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("1234");
        assertThat(EvmChain.readKey(Anvil.keyFile(Anvil.HOT_WALLET_KEY))).isEqualTo(Anvil.HOT_WALLET_KEY);
    }

    private static BigInteger units(String usdt) {
        return new BigDecimal(usdt).movePointRight(Usdt.SCALE).toBigIntegerExact();
    }

    private static String checksummed(String address) {
        return EvmChain.checksummed(address);
    }
}
