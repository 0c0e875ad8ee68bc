package com.usdtagent.chain.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real local EVM chain for tests: anvil (the npm package {@code @foundry-rs/anvil}) on a free port, mining each
 * transaction at once and more blocks on demand, with the test token deployed by {@link #deployToken()}. Its funded
 * accounts are anvil's well-known ones.
 */
public final class Anvil implements AutoCloseable {

    public static final long CHAIN_ID = 31337;
    /** Account 0: deploys the token, mints it and sends deposits. */
    public static final String PAYER_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public static final String PAYER = Credentials.create(PAYER_KEY).getAddress();
    /** Account 1: the server's hot wallet. */
    public static final String HOT_WALLET_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    public static final String HOT_WALLET = Credentials.create(HOT_WALLET_KEY).getAddress();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(3_000_000);

    private final Process process;
    private final URI rpcUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong ids = new AtomicLong();

    private Anvil(Process process, URI rpcUrl) {
        this.process = process;
        this.rpcUrl = rpcUrl;
    }

    public static Anvil start() {
        int port = freePort();
        Path binary = AnvilBinary.locate();
        Process process;
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("anvil-" + port + ".log");
            process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--chain-id", String.valueOf(CHAIN_ID), "--accounts", "4")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        var anvil = new Anvil(process, URI.create("http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        anvil.awaitReady();
        return anvil;
    }

    private void awaitReady() {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (true) {
            try {
                call("eth_chainId");
                return;
            } catch (RuntimeException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("anvil did not start; see target/anvil-*.log", notYet);
                }
                sleep(Duration.ofMillis(50));
            }
        }
    }

    public URI rpcUrl() {
        return rpcUrl;
    }

    /** Deploys a fresh TestUsdt (6 decimals) from the payer's account; returns its address. */
    public String deployToken() {
        String bytecode;
        try (InputStream in = Anvil.class.getResourceAsStream("/token/TestUsdt.bin")) {
            bytecode = "0x" + new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return receipt(send(PAYER_KEY, null, bytecode)).path("contractAddress").asText();
    }

    public String mint(String token, String to, BigInteger units) {
        return send(PAYER_KEY, token, FunctionEncoder.encode(new Function("mint",
                List.of(new Address(to), new Uint256(units)), List.of())));
    }

    /** A token transfer from the payer, mined at once; returns its transaction hash. */
    public String transfer(String token, String to, BigInteger units) {
        return sendRaw(signedTransfer(token, to, units));
    }

    /** A token transfer from the payer, signed but not sent, to send (again) with {@link #sendRaw}. */
    public String signedTransfer(String token, String to, BigInteger units) {
        return sign(PAYER_KEY, token, FunctionEncoder.encode(new Function("transfer",
                List.of(new Address(to), new Uint256(units)), List.of())));
    }

    /** One transaction from the payer with a Transfer log to each address: log indexes 0, 1, ... */
    public String transferMany(String token, List<String> to, List<BigInteger> units) {
        return send(PAYER_KEY, token, FunctionEncoder.encode(new Function("transferMany", List.of(
                new DynamicArray<>(Address.class, to.stream().map(Address::new).toList()),
                new DynamicArray<>(Uint256.class, units.stream().map(Uint256::new).toList())), List.of())));
    }

    /** Sends a signed transaction and waits until it is mined. */
    public String sendRaw(String raw) {
        String hash = call("eth_sendRawTransaction", raw).asText();
        awaitReceipt(hash);
        return hash;
    }

    public BigInteger tokenBalance(String token, String owner) {
        String data = FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(owner)), List.of()));
        var call = JSON.createObjectNode().put("to", token).put("data", data);
        return Numeric.toBigInt(call("eth_call", call, "latest").asText());
    }

    public long blockNumber() {
        return Numeric.toBigInt(call("eth_blockNumber").asText()).longValueExact();
    }

    public long nonceOf(String address) {
        return Numeric.toBigInt(call("eth_getTransactionCount", address, "latest").asText()).longValueExact();
    }

    /** The receipt of a mined transaction; JSON null while it is not in a block. */
    public JsonNode receipt(String txHash) {
        return call("eth_getTransactionReceipt", txHash);
    }

    /** Waits until the transaction is in a block: anvil mines a transaction just after it answers for it. */
    public JsonNode awaitReceipt(String txHash) {
        Instant giveUp = Instant.now().plusSeconds(10);
        for (JsonNode receipt = receipt(txHash); ; receipt = receipt(txHash)) {
            if (!receipt.isNull()) {
                return receipt;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("transaction " + txHash + " was not mined");
            }
            sleep(Duration.ofMillis(10));
        }
    }

    /** Mines {@code blocks} empty blocks at once. */
    public void mine(int blocks) {
        call("anvil_mine", Numeric.toHexStringWithPrefix(BigInteger.valueOf(blocks)));
    }

    /** The chain's state now, to go back to with {@link #revert}: a reorganisation, as far as a follower can tell. */
    public String snapshot() {
        return call("evm_snapshot").asText();
    }

    public void revert(String snapshot) {
        if (!call("evm_revert", snapshot).asBoolean()) {
            throw new IllegalStateException("anvil did not revert to " + snapshot);
        }
    }

    /** Writes {@code key} as a hot wallet key file readable only by its owner. */
    public static Path keyFile(String key) {
        try {
            Path file = Files.createTempFile("hot-wallet", ".key",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(String key, String to, String data) {
        return sendRaw(sign(key, to, data));
    }

    private String sign(String key, String to, String data) {
        var credentials = Credentials.create(key);
        BigInteger nonce = Numeric.toBigInt(call("eth_getTransactionCount", credentials.getAddress(), "pending").asText());
        BigInteger gasPrice = Numeric.toBigInt(call("eth_gasPrice").asText());
        var transaction = to == null
                ? RawTransaction.createContractTransaction(nonce, gasPrice, GAS_LIMIT, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(nonce, gasPrice, GAS_LIMIT, to, BigInteger.ZERO, data);
        return Numeric.toHexString(TransactionEncoder.signMessage(transaction, CHAIN_ID, credentials));
    }

    /** One JSON-RPC call; its result, or an exception with the node's error. */
    public JsonNode call(String method, Object... params) {
        try {
            String body = JSON.writeValueAsString(JSON.createObjectNode().put("jsonrpc", "2.0")
                    .put("id", ids.incrementAndGet()).put("method", method).set("params", JSON.valueToTree(params)));
            var response = http.send(HttpRequest.newBuilder(rpcUrl).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (answer.has("error")) {
                throw new IllegalStateException(method + ": " + answer.get("error"));
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
