package com.usdtagent.chain;

import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.domain.trade.Usdt;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The hot wallet's key, signing ERC-20 transfers as legacy transactions with EIP-155 replay protection for
 * {@code chainId}, at the gas price the node suggests when signing. The key never leaves this object.
 */
final class Web3jHotWallet implements HotWallet {

    private final Web3j web3j;
    private final Credentials credentials;
    private final String token;
    private final long chainId;
    private final BigInteger gasLimit;

    Web3jHotWallet(Web3j web3j, Credentials credentials, String token, long chainId, long gasLimit) {
        this.web3j = web3j;
        this.credentials = credentials;
        this.token = token;
        this.chainId = chainId;
        this.gasLimit = BigInteger.valueOf(gasLimit);
    }

    @Override
    public String address() {
        return EvmChain.checksummed(credentials.getAddress());
    }

    @Override
    public long nextNonce() {
        return Rpc.call(web3j.ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.PENDING))
                .getTransactionCount().longValueExact();
    }

    @Override
    public Usdt balance() {
        var balanceOf = Erc20.balanceOf(credentials.getAddress());
        var call = Transaction.createEthCallTransaction(credentials.getAddress(), token, FunctionEncoder.encode(balanceOf));
        BigInteger units = Erc20.number(balanceOf, Rpc.call(web3j.ethCall(call, DefaultBlockParameterName.LATEST)).getValue());
        return new Usdt(new BigDecimal(units, Usdt.SCALE));
    }

    @Override
    public SignedTransfer sign(String address, Usdt amount, long nonce) {
        BigInteger gasPrice = Rpc.call(web3j.ethGasPrice()).getGasPrice();
        BigInteger units = amount.value().movePointRight(Usdt.SCALE).toBigIntegerExact();
        var transaction = RawTransaction.createTransaction(BigInteger.valueOf(nonce), gasPrice, gasLimit, token,
                BigInteger.ZERO, Erc20.transfer(address, units));
        String raw = Numeric.toHexString(TransactionEncoder.signMessage(transaction, chainId, credentials));
        return new SignedTransfer(nonce, Hash.sha3(raw), raw);
    }
}
