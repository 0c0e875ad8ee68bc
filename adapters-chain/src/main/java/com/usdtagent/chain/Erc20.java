package com.usdtagent.chain;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.List;

/** The ERC-20 calls and the {@code Transfer} event, in and out of their ABI encoding. */
final class Erc20 {

    static final String TRANSFER_TOPIC = EventEncoder.encode(new Event("Transfer", List.of(
            new TypeReference<Address>(true) {
            }, new TypeReference<Address>(true) {
            }, new TypeReference<Uint256>() {
            })));

    private Erc20() {
    }

    static String transfer(String to, BigInteger units) {
        return FunctionEncoder.encode(new Function("transfer", List.of(new Address(to), new Uint256(units)), List.of()));
    }

    static String balanceOf(String owner) {
        return FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(owner)), List.of()));
    }

    static String decimals() {
        return FunctionEncoder.encode(new Function("decimals", List.of(), List.of()));
    }

    /** The one unsigned number a call such as {@code balanceOf} or {@code decimals} answers, in its 32-byte word. */
    static BigInteger number(String answer) {
        if (answer == null || Numeric.cleanHexPrefix(answer).length() != 64) {
            throw new IllegalStateException("the contract answered '" + answer + "': is it an ERC-20 token?");
        }
        return Numeric.toBigInt(answer);
    }

    /** An address as the indexed topic a log filter matches: 32 bytes, left-padded. */
    static String topicOf(String address) {
        return "0x" + TypeEncoder.encode(new Address(address));
    }

    /** The receiver of a {@code Transfer} log, in checksum form. */
    static String receiver(Log log) {
        String topic = log.getTopics().get(2);
        return Keys.toChecksumAddress("0x" + topic.substring(topic.length() - 40));
    }

    /** The amount of a {@code Transfer} log, in the token's smallest unit. */
    static BigInteger units(Log log) {
        return Numeric.toBigInt(log.getData());
    }
}
