package com.usdtagent.bootstrap;

import com.usdtagent.application.chain.ChainConfig;
import com.usdtagent.chain.testing.Anvil;
import com.usdtagent.domain.trade.Usdt;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.web3j.crypto.Keys;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A real local chain for the tests: anvil with a freshly deployed 6-decimal token, the payer holding a million of it,
 * a deposit key of its own (only its xpub reaches the server) and the hot wallet's key in a file.
 */
final class LocalChain implements AutoCloseable {

    final Anvil anvil;
    final String token;
    final String depositXpub;
    final Path hotWalletKeyFile;

    private LocalChain(Anvil anvil) {
        this.anvil = anvil;
        this.token = Keys.toChecksumAddress(anvil.deployToken());
        anvil.mint(token, Anvil.PAYER, units("1000000"));
        this.depositXpub = randomAccountXpub();
        this.hotWalletKeyFile = Anvil.keyFile(Anvil.HOT_WALLET_KEY);
    }

    static LocalChain start() {
        return new LocalChain(Anvil.start());
    }

    /** Withdrawals cost 1 USDT, start at 10 and wait for an admin above 1000; the follower reads from block 0. */
    ChainSettings settings(int confirmations, Duration pollInterval) {
        return new ChainSettings(anvil.rpcUrl(), depositXpub, hotWalletKeyFile, 100_000,
                new ChainConfig(Anvil.CHAIN_ID, token, confirmations, usdt("1"), usdt("10"), usdt("1000"),
                        OptionalLong.of(0), pollInterval));
    }

    /** Puts {@code amount} USDT in the hot wallet, on chain. */
    void fundHotWallet(String amount) {
        anvil.mint(token, Anvil.HOT_WALLET, units(amount));
    }

    BigDecimal tokenBalance(String address) {
        return new BigDecimal(anvil.tokenBalance(token, address), Usdt.SCALE);
    }

    static BigInteger units(String usdt) {
        return new BigDecimal(usdt).movePointRight(Usdt.SCALE).toBigIntegerExact();
    }

    static Usdt usdt(String value) {
        return new Usdt(new BigDecimal(value));
    }

    /** The xpub of m/44'/60'/0' of a random seed, as a wallet exports it for watching. */
    private static String randomAccountXpub() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(seed);
        for (int hardened : new int[] {44, 60, 0}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(hardened, true));
        }
        return key.serializePubB58(BitcoinNetwork.MAINNET);
    }

    @Override
    public void close() {
        anvil.close();
    }
}
