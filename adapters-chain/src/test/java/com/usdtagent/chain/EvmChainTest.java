package com.usdtagent.chain;

import com.usdtagent.application.chain.AddressCheck;
import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.contract.TokenChainContract;
import com.usdtagent.chain.testing.Anvil;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter against a real local chain (anvil) and a deployed 6-decimal token: the chain's contract, which the
 * in-memory chain passes too, and what only an EVM chain has (its chain id, EIP-55 checksums, key files).
 */
class EvmChainTest extends TokenChainContract {

    private static final String ALICE = "0x1111111111111111111111111111111111111111";

    private Anvil anvil;
    private String token;
    private EvmChain evm;
    private TokenChain chain;
    private HotWallet hotWallet;

    @Override
    protected ChainUnderTest open() {
        anvil = Anvil.start();
        token = anvil.deployToken();
        anvil.mint(token, Anvil.PAYER, units("1000000"));
        evm = EvmChain.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, token);
        chain = evm.tokenChain();
        hotWallet = evm.hotWallet(Anvil.keyFile(Anvil.HOT_WALLET_KEY), 100_000);
        return new ChainUnderTest() {
            @Override
            public TokenChain tokenChain() {
                return chain;
            }

            @Override
            public HotWallet hotWallet() {
                return hotWallet;
            }

            @Override
            public String transfer(String to, BigInteger units) {
                return anvil.transfer(token, to, units);
            }

            @Override
            public String transferMany(List<String> to, List<BigInteger> units) {
                return anvil.transferMany(token, to, units);
            }

            @Override
            public String mint(String to, BigInteger units) {
                return anvil.mint(token, to, units);
            }

            @Override
            public void mine(int blocks) {
                anvil.mine(blocks);
            }

            @Override
            public String snapshot() {
                return anvil.snapshot();
            }

            @Override
            public void revert(String snapshot) {
                anvil.revert(snapshot);
            }

            @Override
            public BigInteger tokenBalance(String address) {
                return anvil.tokenBalance(token, address);
            }

            @Override
            public void awaitReceipt(String txHash) {
                anvil.awaitReceipt(txHash);
            }

            @Override
            public String usedNonceRefusal() {
                return "eth_sendRawTransaction";
            }

            @Override
            public void close() {
                evm.close();
                anvil.close();
            }
        };
    }

    @Test
    void refusesANodeOfAnotherChainAndAnAddressThatIsNoSixDecimalToken() {
        assertThatThrownBy(() -> EvmChain.connect(anvil.rpcUrl(), 1, token))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("serves chain 31337, not 1");
        assertThatThrownBy(() -> EvmChain.connect(anvil.rpcUrl(), Anvil.CHAIN_ID, ALICE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ERC-20");
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
        assertThat(hotWallet.address()).isEqualTo(checksummed(Anvil.HOT_WALLET));
    }

    @Test
    void aKeyFileHoldsOneKeyAndARefusalNeverShowsIt() throws Exception {
        Path file = Files.createTempFile("key", ".txt");
        Files.writeString(file, "0x1234 not a key\n");

        assertThatThrownBy(() -> EvmChain.readKey(file)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("1234");
        assertThat(EvmChain.readKey(Anvil.keyFile(Anvil.HOT_WALLET_KEY))).isEqualTo(Anvil.HOT_WALLET_KEY);
    }

    private static String checksummed(String address) {
        return EvmChain.checksummed(address);
    }
}
