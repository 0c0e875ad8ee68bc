package com.usdtagent.chain;

import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deposit addresses come from public derivation only, checked against BIP-32's own test vectors. */
class XpubDepositAddressesTest {

    /** BIP-32 test vector 1: from the xpub of m/0H, public derivation gives m/0H/1, and so on down its chain. */
    @Test
    void publicDerivationFollowsTestVectorOne() {
        assertDerivesPublicly("xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw",
                1, "xpub6ASuArnXKPbfEwhqN6e3mwBcDTgzisQN1wXN9BJcM47sSikHjJf3UFHKkNAWbWMiGj7Wf5uMash7SyYq527Hqck2AxYysAA7xmALppuCkwQ");
        String m0h12h2 = "xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV";
        assertDerivesPublicly("xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5",
                2, m0h12h2);
        assertDerivesPublicly(m0h12h2, 1_000_000_000,
                "xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy");
    }

    /** BIP-32 test vector 2: m to m/0, and the non-hardened steps below the hardened ones. */
    @Test
    void publicDerivationFollowsTestVectorTwo() {
        assertDerivesPublicly("xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB",
                0, "xpub69H7F5d8KSRgmmdJg2KhpAK8SR3DjMwAdkxj3ZuxV27CprR9LgpeyGmXUbC6wb7ERfvrnKZjXoUmmDznezpbZb7ap6r1D3tgFxHmwMkQTPH");
        assertDerivesPublicly("xpub6ASAVgeehLbnwdqV6UKMHVzgqAG8Gr6riv3Fxxpj8ksbH9ebxaEyBLZ85ySDhKiLDBrQSARLq1uNRts8RuJiHjaDMBU4Zn9h8LZNnBC5y4a",
                1, "xpub6DF8uhdarytz3FWdA8TvFSvvAh8dP3283MY7p2V4SeE2wyWmG5mg5EwVvmdMVCQcoNJxGoWaU9DCWh89LojfZ537wTfunKau47EL2dhHKon");
        assertDerivesPublicly("xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL",
                2, "xpub6FnCn6nSzZAw5Tw7cgR9bi15UV96gLZhjDstkXXxvCLsUXBGXPdSnLFbdpq8p9HmGsApME5hQTZ3emM2rnY5agb9rXpVGyy3bdW6EEgAtqt");
    }

    /** The addresses wallets show for the BIP-39 test mnemonics at m/44'/60'/0'/0/i, from the account's xpub alone. */
    @Test
    void givesTheAddressesWalletsShowForTheSameKey() {
        var anvilAccounts = new XpubDepositAddresses(accountXpub("test test test test test test test test test test test junk"));
        assertThat(List.of(anvilAccounts.addressAt(0), anvilAccounts.addressAt(1), anvilAccounts.addressAt(2),
                anvilAccounts.addressAt(3))).containsExactly("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
                "0x90F79bf6EB2c4f870365E785982E1f101E93b906");
        var abandon = new XpubDepositAddresses(accountXpub(
                "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"));
        assertThat(abandon.addressAt(0)).isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
    }

    @Test
    void refusesAnExtendedPrivateKeyAndWhatIsNoKey() {
        assertThatThrownBy(() -> new XpubDepositAddresses(
                "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
        assertThatThrownBy(() -> new XpubDepositAddresses("xpub-not-really"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a BIP-32 extended public key");
        // one character changed: the Base58Check checksum no longer matches
        assertThatThrownBy(() -> new XpubDepositAddresses(
                "xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduC"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeIndexIsABug() {
        var addresses = new XpubDepositAddresses(accountXpub("test test test test test test test test test test test junk"));

        assertThatThrownBy(() -> addresses.addressAt(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertDerivesPublicly(String parentXpub, int index, String childXpub) {
        DeterministicKey parent = XpubDepositAddresses.parse(parentXpub);

        DeterministicKey child = XpubDepositAddresses.child(parent, index);

        assertThat(child.hasPrivKey()).isFalse();
        assertThat(child.serializePubB58(BitcoinNetwork.MAINNET)).isEqualTo(childXpub);
    }

    /** The xpub of m/44'/60'/0' for a BIP-39 mnemonic, the way a wallet exports it; only the test sees the seed. */
    private static String accountXpub(String mnemonic) {
        DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(MnemonicCode.toSeed(List.of(mnemonic.split(" ")), ""));
        for (int hardened : new int[] {44, 60, 0}) {
            key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(hardened, true));
        }
        return key.serializePubB58(BitcoinNetwork.MAINNET);
    }
}
