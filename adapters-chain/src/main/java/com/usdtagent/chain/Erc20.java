package com.usdtagent.chain;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.Log;

import java.math.BigInteger;
import java.util.List;

/** The ERC-20 calls and the {@code Transfer} event, in and out of their ABI encoding (web3j's). */
final class Erc20 {

    private static final Event TRANSFER = new Event("Transfer", List.of(
            new TypeReference<Address>(true) {
            }, new TypeReference<Address>(true) {
            }, new TypeReference<Uint256>() {
            }));
    static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);
    static final Function DECIMALS = new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() {
    }));

    private Erc20() {
    }

    static String transfer(String to, BigInteger units) {
        return FunctionEncoder.encode(new Function("transfer", List.of(new Address(to), new Uint256(units)), List.of()));
    }

    static Function balanceOf(String owner) {
        return new Function("balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() {
        }));
    }

    /** The one unsigned number {@code function} answered. */
    static BigInteger number(Function function, String answer) {
        List<Type> values = FunctionReturnDecoder.decode(answer, function.getOutputParameters());
        if (values.isEmpty()) {
            throw new IllegalStateException("the contract answered nothing to " + function.getName() + ": is it an ERC-20 token?");
        }
        return (BigInteger) values.getFirst().getValue();
    }

    /** An address as the indexed topic a log filter matches: 32 bytes, left-padded. */
    static String topicOf(String address) {
        return "0x" + TypeEncoder.encode(new Address(address));
    }

    /** The receiver of a {@code Transfer} log, in checksum form. */
    static String receiver(Log log) {
        Address to = (Address) FunctionReturnDecoder.decodeIndexedValue(log.getTopics().get(2),
                TRANSFER.getIndexedParameters().get(1));
        return Keys.toChecksumAddress(to.getValue());
    }

    /** The amount of a {@code Transfer} log, in the token's smallest unit. */
    static BigInteger units(Log log) {
        List<Type> values = FunctionReturnDecoder.decode(log.getData(), TRANSFER.getNonIndexedParameters());
        if (values.isEmpty()) {
            throw new IllegalStateException("a Transfer log without its amount in transaction " + log.getTransactionHash());
        }
        return (BigInteger) values.getFirst().getValue();
    }
}
