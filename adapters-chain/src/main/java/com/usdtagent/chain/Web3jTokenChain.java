package com.usdtagent.chain;

import com.usdtagent.application.chain.AddressCheck;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.chain.TokenTransfer;
import com.usdtagent.application.chain.TransferReceipt;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** An EVM chain over JSON-RPC, as the ERC-20 token at {@code token} shows it. */
final class Web3jTokenChain implements TokenChain {

    /** Receivers per log query: one topic list, kept short enough for any node's request limits. */
    private static final int ADDRESSES_PER_QUERY = 200;

    private final Web3j web3j;
    private final String token;

    Web3jTokenChain(Web3j web3j, String token) {
        this.web3j = web3j;
        this.token = token;
    }

    @Override
    public long latestBlock() {
        return Rpc.call(web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    @Override
    public Optional<String> blockHash(long number) {
        EthBlock.Block block = Rpc.call(web3j.ethGetBlockByNumber(at(number), false)).getBlock();
        return Optional.ofNullable(block).map(EthBlock.Block::getHash);
    }

    @Override
    public List<TokenTransfer> transfersTo(Collection<String> addresses, long fromBlock, long toBlock) {
        List<String> topics = addresses.stream().map(Erc20::topicOf).toList();
        List<TokenTransfer> transfers = new ArrayList<>();
        for (int start = 0; start < topics.size(); start += ADDRESSES_PER_QUERY) {
            var filter = new EthFilter(at(fromBlock), at(toBlock), token);
            filter.addSingleTopic(Erc20.TRANSFER_TOPIC);
            filter.addNullTopic();
            filter.addOptionalTopics(topics.subList(start, Math.min(topics.size(), start + ADDRESSES_PER_QUERY))
                    .toArray(String[]::new));
            for (EthLog.LogResult<?> result : Rpc.call(web3j.ethGetLogs(filter)).getLogs()) {
                Log log = (Log) result.get();
                if (!log.isRemoved() && log.getTopics().size() == 3) {
                    transfers.add(new TokenTransfer(log.getTransactionHash(), log.getLogIndex().intValueExact(),
                            log.getBlockNumber().longValueExact(), log.getBlockHash(), Erc20.receiver(log),
                            Erc20.units(log)));
                }
            }
        }
        return transfers;
    }

    @Override
    public AddressCheck check(String address) {
        return EvmAddresses.check(address);
    }

    @Override
    public void broadcast(SignedTransfer transfer) {
        try {
            Rpc.call(web3j.ethSendRawTransaction(transfer.raw()));
        } catch (RuntimeException refused) {
            // "already known", "nonce too low"...: each node words it its own way; asking for the hash tells for sure
            if (Rpc.call(web3j.ethGetTransactionByHash(transfer.txHash())).getTransaction().isEmpty()) {
                throw refused;
            }
        }
    }

    @Override
    public Optional<TransferReceipt> receipt(String txHash) {
        return Rpc.call(web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt()
                .map(receipt -> new TransferReceipt(receipt.getTransactionHash(),
                        receipt.getBlockNumber().longValueExact(), receipt.getBlockHash(), receipt.isStatusOK()));
    }

    private static DefaultBlockParameter at(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }
}
