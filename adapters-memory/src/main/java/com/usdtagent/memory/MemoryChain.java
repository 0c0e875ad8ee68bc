package com.usdtagent.memory;

import com.usdtagent.application.chain.AddressCheck;
import com.usdtagent.application.chain.DepositAddressDeriver;
import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.SignedTransfer;
import com.usdtagent.application.chain.TokenTransfer;
import com.usdtagent.application.chain.TransferReceipt;
import com.usdtagent.domain.trade.Usdt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A token's chain in memory, as anvil runs one: each transaction is mined at once in a block of its own, a nonce is
 * taken once, a transfer beyond the sender's tokens reverts but uses its nonce, and a reverted snapshot takes its
 * blocks and their transactions away, so the blocks mined after it have other hashes. Balances and nonces are read
 * from the blocks, so a reorganisation changes them as it changes the chain. Addresses are 0x and 40 hexadecimal
 * digits, lowercase in their canonical form; a signed transfer is its fields in plain text, the hot wallet's "key".
 * Not final only so that {@code MemoryChainTest} can run the chain port's contract on it as it is.
 */
class MemoryChain implements InMemoryAdapters.Chain {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final String SIGNED = "memory-transfer";
    /** No account: the sender of minted tokens. */
    private static final String NOBODY = "0x" + "0".repeat(40);

    /** A token {@code Transfer} log. */
    private record Log(String from, String to, BigInteger units) {
    }

    /** A transaction in a block; a reverted one keeps its nonce and moves nothing. */
    private record Tx(String hash, String from, long nonce, List<Log> logs, boolean succeeded) {
    }

    private record Block(long number, String hash, List<Tx> txs) {
    }

    private final String payer = address("payer");
    private final String hotWallet = address("hot wallet");
    private final List<Block> blocks = new ArrayList<>();
    /** Transactions with a nonce beyond their sender's next, waiting for the ones before them. */
    private final Map<String, Tx> waiting = new HashMap<>();
    private final Map<String, Integer> snapshots = new HashMap<>();
    private long serial;

    MemoryChain() {
        blocks.add(new Block(0, hash("genesis"), List.of()));
        mint(payer, BigInteger.TEN.pow(12 + Usdt.SCALE));
    }

    // ---- the TokenChain port

    @Override
    public synchronized long latestBlock() {
        return blocks.getLast().number();
    }

    @Override
    public synchronized Optional<String> blockHash(long number) {
        return number < 0 || number >= blocks.size() ? Optional.empty() : Optional.of(blocks.get((int) number).hash());
    }

    @Override
    public synchronized List<TokenTransfer> transfersTo(Collection<String> addresses, long fromBlock, long toBlock) {
        Set<String> watched = new HashSet<>(addresses);
        List<TokenTransfer> transfers = new ArrayList<>();
        for (long number = Math.max(0, fromBlock); number <= Math.min(toBlock, latestBlock()); number++) {
            Block block = blocks.get((int) number);
            int logIndex = 0;
            for (Tx tx : block.txs()) {
                for (Log log : tx.logs()) {
                    if (watched.contains(log.to())) {
                        transfers.add(new TokenTransfer(tx.hash(), logIndex, number, block.hash(), log.to(), log.units()));
                    }
                    logIndex++;
                }
            }
        }
        return transfers;
    }

    @Override
    public AddressCheck check(String address) {
        return ADDRESS.matcher(address).matches()
                ? new AddressCheck.Valid(address.toLowerCase())
                : new AddressCheck.Invalid("must be 0x followed by 40 hexadecimal digits");
    }

    @Override
    public synchronized void broadcast(SignedTransfer transfer) {
        if (find(transfer.txHash()).isPresent() || waiting.containsKey(transfer.txHash())) {
            return; // the network has it already
        }
        String[] fields = transfer.raw().split(":");
        if (fields.length != 5 || !fields[0].equals(SIGNED) || !hash(transfer.raw()).equals(transfer.txHash())) {
            throw new IllegalArgumentException("not a transaction signed for this chain");
        }
        String from = fields[1];
        long nonce = Long.parseLong(fields[4]);
        long next = nonceOf(from);
        if (nonce < next) {
            throw new IllegalStateException("nonce too low: " + from + " is at " + next);
        }
        waiting.put(transfer.txHash(), new Tx(transfer.txHash(), from, nonce,
                List.of(new Log(from, fields[2], new BigInteger(fields[3]))), true));
        mineWaiting();
    }

    @Override
    public synchronized Optional<TransferReceipt> receipt(String txHash) {
        return find(txHash);
    }

    // ---- what anvil lets a test do

    @Override
    public HotWallet hotWallet() {
        return new HotWallet() {
            @Override
            public String address() {
                return hotWallet;
            }

            @Override
            public long nextNonce() {
                return nonceOf(hotWallet);
            }

            @Override
            public Usdt balance() {
                return new Usdt(new BigDecimal(tokenBalance(hotWallet), Usdt.SCALE));
            }

            @Override
            public SignedTransfer sign(String address, Usdt amount, long nonce) {
                String raw = String.join(":", SIGNED, hotWallet, address,
                        amount.value().movePointRight(Usdt.SCALE).toBigIntegerExact().toString(), String.valueOf(nonce));
                return new SignedTransfer(nonce, hash(raw), raw);
            }
        };
    }

    @Override
    public DepositAddressDeriver depositAddresses() {
        return index -> address("deposit key/0/" + index);
    }

    @Override
    public synchronized String transfer(String to, BigInteger units) {
        return transferMany(List.of(to), List.of(units));
    }

    @Override
    public synchronized String transferMany(List<String> to, List<BigInteger> units) {
        List<Log> logs = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            logs.add(new Log(payer, canonical(to.get(i)), units.get(i)));
        }
        return mineNow(payer, logs);
    }

    @Override
    public synchronized String mint(String to, BigInteger units) {
        return mineNow(NOBODY, List.of(new Log(NOBODY, canonical(to), units)));
    }

    @Override
    public synchronized void mine(int count) {
        for (int i = 0; i < count; i++) {
            addBlock(List.of());
        }
    }

    @Override
    public synchronized String snapshot() {
        String id = "0x" + Long.toHexString(++serial);
        snapshots.put(id, blocks.size());
        return id;
    }

    @Override
    public synchronized void revert(String snapshot) {
        Integer size = snapshots.remove(snapshot);
        if (size == null) {
            throw new IllegalArgumentException("no snapshot " + snapshot);
        }
        blocks.subList(size, blocks.size()).clear();
        waiting.clear();
    }

    @Override
    public synchronized BigInteger tokenBalance(String address) {
        String owner = canonical(address);
        return blocks.stream().flatMap(block -> block.txs().stream()).filter(Tx::succeeded)
                .flatMap(tx -> tx.logs().stream())
                .map(log -> log.to().equals(owner) ? log.units() : log.from().equals(owner) ? log.units().negate() : BigInteger.ZERO)
                .reduce(BigInteger.ZERO, BigInteger::add);
    }

    // ---- the chain's own bookkeeping

    /** A transaction of {@code from} (the payer, or nobody for a mint) with its next nonce, mined now. */
    private String mineNow(String from, List<Log> logs) {
        String txHash = hash("tx " + (++serial));
        execute(new Tx(txHash, from, nonceOf(from), logs, true));
        return txHash;
    }

    /** Mines the waiting transactions whose nonce is their sender's next, each in a block of its own. */
    private void mineWaiting() {
        Optional<Tx> due;
        while ((due = waiting.values().stream().filter(tx -> tx.nonce() == nonceOf(tx.from())).findFirst()).isPresent()) {
            waiting.remove(due.get().hash());
            execute(due.get());
        }
    }

    /** Runs the transaction in a new block: it reverts, keeping its nonce, when its sender lacks the tokens. */
    private void execute(Tx tx) {
        BigInteger needed = tx.logs().stream().map(Log::units).reduce(BigInteger.ZERO, BigInteger::add);
        boolean affordable = tx.from().equals(NOBODY) || tokenBalance(tx.from()).compareTo(needed) >= 0;
        addBlock(List.of(affordable ? tx : new Tx(tx.hash(), tx.from(), tx.nonce(), List.of(), false)));
    }

    private void addBlock(List<Tx> txs) {
        long number = blocks.size();
        blocks.add(new Block(number, hash("block " + number + " " + (++serial)), txs));
    }

    private synchronized long nonceOf(String address) {
        return blocks.stream().flatMap(block -> block.txs().stream()).filter(tx -> tx.from().equals(address)).count();
    }

    private Optional<TransferReceipt> find(String txHash) {
        return blocks.stream().flatMap(block -> block.txs().stream()
                        .filter(tx -> tx.hash().equals(txHash))
                        .map(tx -> new TransferReceipt(tx.hash(), block.number(), block.hash(), tx.succeeded())))
                .findFirst();
    }

    private String canonical(String address) {
        return switch (check(address)) {
            case AddressCheck.Valid valid -> valid.canonical();
            case AddressCheck.Invalid invalid -> throw new IllegalArgumentException(address + " " + invalid.reason());
        };
    }

    /** A made-up address, the same for the same name. */
    private static String address(String name) {
        return hash(name).substring(0, 42);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "0x" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
