package com.usdtagent.chain;

import com.usdtagent.application.chain.DepositAddressDeriver;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

import java.util.Arrays;

/**
 * Deposit addresses {@code .../0/i} of an extended public key, derived by bitcoinj's BIP-32 public derivation: the
 * private keys stay with whoever holds the matching xprv, and nothing here could spend a deposit.
 */
final class XpubDepositAddresses implements DepositAddressDeriver {

    private final DeterministicKey external;

    XpubDepositAddresses(String xpub) {
        this.external = child(parse(xpub), 0);
    }

    /** An xpub (or tpub); never an extended private key, which this server must not hold. */
    static DeterministicKey parse(String extendedKey) {
        for (BitcoinNetwork network : new BitcoinNetwork[] {BitcoinNetwork.MAINNET, BitcoinNetwork.TESTNET}) {
            DeterministicKey key;
            try {
                key = DeterministicKey.deserializeB58(extendedKey, network);
            } catch (IllegalArgumentException notForThisNetwork) {
                continue;
            }
            if (key.hasPrivKey()) {
                throw new IllegalArgumentException("is an extended private key: give the extended public key (xpub) only");
            }
            return key;
        }
        throw new IllegalArgumentException("is not a BIP-32 extended public key (xpub...)");
    }

    /** The non-hardened child {@code index} of {@code parent}, by public derivation. */
    static DeterministicKey child(DeterministicKey parent, int index) {
        return HDKeyDerivation.deriveChildKeyFromPublic(parent, new ChildNumber(index, false),
                HDKeyDerivation.PublicDeriveMode.NORMAL);
    }

    /** The EVM address of a public key: the last 20 bytes of the Keccak-256 of its uncompressed point. */
    static String addressOf(DeterministicKey key) {
        byte[] uncompressed = key.getPubKeyPoint().getEncoded(false);
        byte[] point = Arrays.copyOfRange(uncompressed, 1, uncompressed.length);
        return Keys.toChecksumAddress(Numeric.toHexString(Keys.getAddress(point)));
    }

    @Override
    public String addressAt(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("a non-hardened child index is 0 .. 2^31 - 1, not " + index);
        }
        return addressOf(child(external, index));
    }
}
