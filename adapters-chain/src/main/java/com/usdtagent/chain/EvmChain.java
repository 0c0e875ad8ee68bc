package com.usdtagent.chain;

import com.usdtagent.application.chain.AddressCheck;
import com.usdtagent.application.chain.ChainMetrics;
import com.usdtagent.application.chain.DepositAddressDeriver;
import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.domain.trade.Usdt;
import io.micrometer.core.instrument.MeterRegistry;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * An EVM chain carrying an ERC-20 USDT, reached over JSON-RPC: the token's chain, the hot wallet, and the checks and
 * derivations that need no node. Checks at connection that the node serves the expected chain and that the token
 * has the 6 decimals of USDT, so a wrong setting stops the start instead of crediting wrong amounts.
 */
public final class EvmChain implements AutoCloseable {

    private static final Pattern PRIVATE_KEY = Pattern.compile("0x[0-9a-fA-F]{64}");

    private final Web3j web3j;
    private final long chainId;
    private final String token;

    private EvmChain(Web3j web3j, long chainId, String token) {
        this.web3j = web3j;
        this.chainId = chainId;
        this.token = token;
    }

    /**
     * @param token the USDT contract's address
     * @throws IllegalStateException when the node cannot be reached, serves another chain, or the token is not a
     *                               6-decimal ERC-20 there
     */
    public static EvmChain connect(URI rpcUrl, long chainId, String token) {
        String contract = checksummed(token);
        var chain = new EvmChain(Web3j.build(new HttpService(rpcUrl.toString())), chainId, contract);
        try {
            long served = Rpc.call(chain.web3j.ethChainId()).getChainId().longValueExact();
            if (served != chainId) {
                throw new IllegalStateException("the node serves chain " + served + ", not " + chainId);
            }
            var call = Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(Erc20.DECIMALS));
            BigInteger decimals = Erc20.number(Erc20.DECIMALS,
                    Rpc.call(chain.web3j.ethCall(call, DefaultBlockParameterName.LATEST)).getValue());
            if (decimals.intValue() != Usdt.SCALE) {
                throw new IllegalStateException("the token " + contract + " has " + decimals + " decimals, not " + Usdt.SCALE);
            }
            return chain;
        } catch (RuntimeException failure) {
            chain.close();
            throw failure instanceof IllegalStateException ? failure : new IllegalStateException(failure.getMessage(), failure);
        }
    }

    public TokenChain tokenChain() {
        return new Web3jTokenChain(web3j, token);
    }

    /**
     * The hot wallet whose key is in {@code keyFile}, one line of {@code 0x} and 64 hexadecimal digits.
     *
     * @param gasLimit the gas each transfer may use
     */
    public HotWallet hotWallet(Path keyFile, long gasLimit) {
        return new Web3jHotWallet(web3j, Credentials.create(readKey(keyFile)), token, chainId, gasLimit);
    }

    /** Reads a hot wallet key file; the message of a refusal never shows the key. */
    public static String readKey(Path keyFile) {
        String key;
        try {
            key = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file", e);
        }
        if (!PRIVATE_KEY.matcher(key).matches() || new BigInteger(key.substring(2), 16).signum() == 0) {
            throw new IllegalArgumentException("must hold one line: 0x and the 64 hexadecimal digits of a private key");
        }
        return key;
    }

    /** @throws IllegalArgumentException when {@code xpub} is not an extended public key, saying why */
    public static DepositAddressDeriver depositAddresses(String xpub) {
        return new XpubDepositAddresses(xpub);
    }

    public static ChainMetrics metrics(MeterRegistry meters) {
        return new MicrometerChainMetrics(meters);
    }

    /**
     * The EIP-55 checksummed form of an EVM address.
     *
     * @throws IllegalArgumentException saying why {@code address} is not one
     */
    public static String canonicalAddress(String address) {
        return switch (EvmAddresses.check(address)) {
            case AddressCheck.Valid valid -> valid.canonical();
            case AddressCheck.Invalid invalid -> throw new IllegalArgumentException(invalid.reason());
        };
    }

    static String checksummed(String address) {
        return Keys.toChecksumAddress(address);
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
