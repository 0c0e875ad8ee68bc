package com.usdtagent.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainSettingsTest {

    /** BIP-32 test vector 1, chain m/0H: a public key anybody may know. */
    private static final String XPUB = "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw";
    private static final String XPRV = "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7";
    private static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final String USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7";

    @Test
    void withoutARpcUrlTheChainIsOff() {
        assertThat(Settings.fromEnvironment(Map.of("CHAIN_ID", "1", "DEPOSIT_XPUB", XPUB)).chain()).isEmpty();
        assertThat(Settings.fromEnvironment(Map.of()).toString()).contains("chain=off");
    }

    @Test
    void readsTheChainVariablesWithTheirDefaults(@TempDir Path dir) throws IOException {
        var chain = Settings.fromEnvironment(required(keyFile(dir, KEY, "rw-------"))).chain().orElseThrow();

        assertThat(chain.rpcUrl()).isEqualTo(URI.create("https://rpc.example:8545/v3/project"));
        assertThat(chain.depositXpub()).isEqualTo(XPUB);
        assertThat(chain.gasLimit()).isEqualTo(100_000);
        var config = chain.config();
        assertThat(config.chainId()).isEqualTo(1);
        assertThat(config.token()).isEqualTo("0xdAC17F958D2ee523a2206206994597C13D831ec7");
        assertThat(config.confirmations()).isEqualTo(12);
        assertThat(config.fee().value()).isEqualByComparingTo("1");
        assertThat(config.minimum().value()).isEqualByComparingTo("10");
        assertThat(config.approvalAbove().value()).isEqualByComparingTo("1000");
        assertThat(config.startBlock()).isEmpty();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(5));

        var env = required(keyFile(dir, KEY, "r--------"));
        env.putAll(Map.of("CHAIN_CONFIRMATIONS", "64", "WITHDRAWAL_FEE", "0", "WITHDRAWAL_MIN", "2.5",
                "WITHDRAWAL_APPROVAL_ABOVE", "250.75", "WITHDRAWAL_GAS_LIMIT", "250000", "CHAIN_START_BLOCK", "19000000",
                "CHAIN_POLL_INTERVAL", "PT0.5S"));
        var tuned = Settings.fromEnvironment(env).chain().orElseThrow();
        assertThat(tuned.config().confirmations()).isEqualTo(64);
        assertThat(tuned.config().fee().value()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(tuned.config().minimum().value()).isEqualByComparingTo("2.5");
        assertThat(tuned.config().approvalAbove().value()).isEqualByComparingTo("250.75");
        assertThat(tuned.gasLimit()).isEqualTo(250_000);
        assertThat(tuned.config().startBlock()).isEqualTo(OptionalLong.of(19_000_000));
        assertThat(tuned.config().pollInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aBadChainValueIsOneLineNamingTheVariableAndNeverShowsASecret(@TempDir Path dir) throws IOException {
        String keyFile = keyFile(dir, KEY, "rw-------");
        assertRefused(with(keyFile, "CHAIN_RPC_URL", "ws://node:8546"), "CHAIN_RPC_URL");
        assertRefused(without(keyFile, "CHAIN_ID"), "CHAIN_ID");
        assertRefused(with(keyFile, "CHAIN_ID", "mainnet"), "CHAIN_ID");
        assertRefused(without(keyFile, "USDT_CONTRACT"), "USDT_CONTRACT");
        assertRefused(with(keyFile, "USDT_CONTRACT", "0xdAC17F958D2ee523a2206206994597C13D831ec8"), "USDT_CONTRACT");
        assertRefused(with(keyFile, "CHAIN_CONFIRMATIONS", "0"), "CHAIN_CONFIRMATIONS");
        assertRefused(without(keyFile, "DEPOSIT_XPUB"), "DEPOSIT_XPUB");
        assertRefused(with(keyFile, "DEPOSIT_XPUB", "xpub-of-nothing"), "DEPOSIT_XPUB");
        assertRefused(without(keyFile, "WITHDRAWAL_KEY_FILE"), "WITHDRAWAL_KEY_FILE");
        assertRefused(with(keyFile, "WITHDRAWAL_KEY_FILE", dir.resolve("missing").toString()), "WITHDRAWAL_KEY_FILE");
        assertRefused(with(keyFile, "WITHDRAWAL_FEE", "-1"), "WITHDRAWAL_FEE");
        assertRefused(with(keyFile, "WITHDRAWAL_MIN", "0"), "WITHDRAWAL_MIN");
        assertRefused(with(keyFile, "WITHDRAWAL_APPROVAL_ABOVE", "1e3"), "WITHDRAWAL_APPROVAL_ABOVE");
        assertRefused(with(keyFile, "WITHDRAWAL_GAS_LIMIT", "100"), "WITHDRAWAL_GAS_LIMIT");
        assertRefused(with(keyFile, "CHAIN_START_BLOCK", "-5"), "CHAIN_START_BLOCK");
        assertRefused(with(keyFile, "CHAIN_POLL_INTERVAL", "often"), "CHAIN_POLL_INTERVAL");

        assertThatThrownBy(() -> Settings.fromEnvironment(with(keyFile, "DEPOSIT_XPUB", XPRV)))
                .message().startsWith("DEPOSIT_XPUB:").contains("private").doesNotContain(XPRV);
        assertThatThrownBy(() -> Settings.fromEnvironment(required(keyFile(dir, "0x1234" + KEY.substring(6, 20), "rw-------"))))
                .message().startsWith("WITHDRAWAL_KEY_FILE:").doesNotContain(KEY.substring(6, 20));
        assertThatThrownBy(() -> Settings.fromEnvironment(required(keyFile(dir, KEY, "rw-r--r--"))))
                .message().startsWith("WITHDRAWAL_KEY_FILE:").contains("chmod 600").doesNotContain(KEY.substring(2));
        assertThatThrownBy(() -> Settings.fromEnvironment(with(keyFile, "CHAIN_RPC_URL", "wss://user:hunter22@node")))
                .message().doesNotContain("hunter22");
        assertThat(Settings.fromEnvironment(required(keyFile)).toString()).doesNotContain("project").doesNotContain(XPUB);
    }

    private static Map<String, String> required(String keyFile) {
        return new HashMap<>(Map.of("CHAIN_RPC_URL", "https://rpc.example:8545/v3/project", "CHAIN_ID", "1",
                "USDT_CONTRACT", USDT, "DEPOSIT_XPUB", XPUB, "WITHDRAWAL_KEY_FILE", keyFile));
    }

    private static Map<String, String> with(String keyFile, String variable, String value) {
        var env = required(keyFile);
        env.put(variable, value);
        return env;
    }

    private static Map<String, String> without(String keyFile, String variable) {
        var env = required(keyFile);
        env.remove(variable);
        return env;
    }

    private static String keyFile(Path dir, String key, String permissions) throws IOException {
        Path file = Files.createTempFile(dir, "hot", ".key");
        Files.writeString(file, key + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file.toString();
    }

    private static void assertRefused(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> Settings.fromEnvironment(env))
                .isInstanceOf(InvalidSettingException.class)
                .message().startsWith(variable + ":").doesNotContain("\n");
    }
}
