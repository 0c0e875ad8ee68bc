package com.usdtagent.bootstrap;

import com.usdtagent.application.chain.ChainConfig;
import com.usdtagent.chain.EvmChain;
import com.usdtagent.domain.trade.Usdt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * USDT on an EVM chain: where to follow it, the key deposit addresses come from, the hot wallet's key file, and the
 * withdrawal terms. Present only with {@code CHAIN_RPC_URL}; then every other chain variable is checked at start.
 *
 * @param depositXpub the extended public key of the deposit addresses; not a secret, but it reveals them all
 * @param gasLimit    the gas a withdrawal's transaction may use
 */
record ChainSettings(URI rpcUrl, String depositXpub, Path withdrawalKeyFile, long gasLimit, ChainConfig config) {

    private static final Pattern USDT_AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,6})?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

    static Optional<ChainSettings> from(Settings.Reader reader) {
        return reader.text("CHAIN_RPC_URL").map(url -> new ChainSettings(rpcUrl(url), xpub(reader),
                keyFile(reader), reader.integer("WITHDRAWAL_GAS_LIMIT", 100_000, 21_000, 10_000_000),
                new ChainConfig(required(reader, "CHAIN_ID", "the chain's id, such as 1 for Ethereum", 1),
                        contract(reader),
                        reader.integer("CHAIN_CONFIRMATIONS", 12, 1, 10_000),
                        usdt(reader, "WITHDRAWAL_FEE", "1", false),
                        usdt(reader, "WITHDRAWAL_MIN", "10", true),
                        usdt(reader, "WITHDRAWAL_APPROVAL_ABOVE", "1000", false),
                        reader.text("CHAIN_START_BLOCK").isPresent()
                                ? OptionalLong.of(required(reader, "CHAIN_START_BLOCK", "a block number", 0))
                                : OptionalLong.empty(),
                        reader.duration("CHAIN_POLL_INTERVAL", Duration.ofSeconds(5)))));
    }

    private static URI rpcUrl(String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        // the URL may carry a provider's key: never echoed
        throw new InvalidSettingException("CHAIN_RPC_URL", "must be an http or https JSON-RPC URL such as http://127.0.0.1:8545");
    }

    private static long required(Settings.Reader reader, String name, String meaning, long min) {
        String value = reader.text(name).orElseThrow(
                () -> new InvalidSettingException(name, "is required with CHAIN_RPC_URL: " + meaning));
        if (!WHOLE_NUMBER.matcher(value).matches() || Long.parseLong(value) < min) {
            throw new InvalidSettingException(name, "must be a whole number of at least " + min + ", got '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static String contract(Settings.Reader reader) {
        String value = reader.text("USDT_CONTRACT").orElseThrow(() -> new InvalidSettingException("USDT_CONTRACT",
                "is required with CHAIN_RPC_URL: the address of the chain's USDT contract"));
        try {
            return EvmChain.canonicalAddress(value);
        } catch (IllegalArgumentException unusable) {
            throw new InvalidSettingException("USDT_CONTRACT", unusable.getMessage() + ", got '" + value + "'");
        }
    }

    private static String xpub(Settings.Reader reader) {
        String value = reader.text("DEPOSIT_XPUB").orElseThrow(() -> new InvalidSettingException("DEPOSIT_XPUB",
                "is required with CHAIN_RPC_URL: the extended public key deposit addresses are derived from"));
        try {
            EvmChain.depositAddresses(value);
        } catch (IllegalArgumentException unusable) {
            // an extended private key is a secret: never echoed
            throw new InvalidSettingException("DEPOSIT_XPUB", unusable.getMessage());
        }
        return value;
    }

    /** A readable file that only its owner may read, holding one key; the key itself is never echoed. */
    private static Path keyFile(Settings.Reader reader) {
        String value = reader.text("WITHDRAWAL_KEY_FILE").orElseThrow(() -> new InvalidSettingException(
                "WITHDRAWAL_KEY_FILE", "is required with CHAIN_RPC_URL: the file holding the hot wallet's private key"));
        Path file = reader.path("WITHDRAWAL_KEY_FILE", value);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidSettingException("WITHDRAWAL_KEY_FILE", "is not a readable file: '" + value + "'");
        }
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                var open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
                open.retainAll(Files.getPosixFilePermissions(file));
                if (!open.isEmpty()) {
                    throw new InvalidSettingException("WITHDRAWAL_KEY_FILE",
                            "others than its owner may read it: chmod 600 '" + value + "'");
                }
            }
            EvmChain.readKey(file);
        } catch (IllegalArgumentException | UncheckedIOException unusable) {
            throw new InvalidSettingException("WITHDRAWAL_KEY_FILE", unusable.getMessage());
        } catch (IOException e) {
            throw new InvalidSettingException("WITHDRAWAL_KEY_FILE", "cannot read its permissions: " + e.getMessage());
        }
        return file;
    }

    private static Usdt usdt(Settings.Reader reader, String name, String fallback, boolean positive) {
        String value = reader.text(name).orElse(fallback);
        if (!USDT_AMOUNT.matcher(value).matches() || (positive && new BigDecimal(value).signum() == 0)) {
            throw new InvalidSettingException(name, "must be a USDT amount such as 12.5 (at most 6 decimals"
                    + (positive ? ", more than 0" : "") + "), got '" + value + "'");
        }
        return new Usdt(new BigDecimal(value));
    }

    @Override
    public String toString() {
        return "ChainSettings[chainId=" + config.chainId() + ", token=" + config.token() + ", confirmations="
                + config.confirmations() + "]";
    }
}
