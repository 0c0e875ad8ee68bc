package com.usdtagent.memory;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.account.LoginSessions;
import com.usdtagent.application.account.SessionSignals;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.moderation.Reports;
import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.attachment.UploadQuotas;
import com.usdtagent.application.account.AttemptCounters;
import com.usdtagent.application.call.CallMetrics;
import com.usdtagent.application.call.CallSessions;
import com.usdtagent.application.call.CallSignals;
import com.usdtagent.application.call.VoiceTokenIssuer;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.DepositAddressDeriver;
import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.chain.WalletSignals;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.health.DatabaseProbe;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.Devices;
import com.usdtagent.application.push.PushQueue;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.application.trade.Offers;
import com.usdtagent.application.trade.OrderSignals;
import com.usdtagent.application.trade.Orders;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.ledger.LedgerAccount;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every outbound port of the application in memory, on one store, for use-case tests and for programs that embed
 * the domain: no database, no server, no network. The storage ports keep PostgreSQL's rules (unique keys, row
 * locks, {@code SKIP LOCKED} claims, atomic and isolated {@link #transactions()}); the realtime ports record what
 * they were asked to send; the token's chain, its hot wallet and the deposit key are a {@link Chain} in memory.
 * Identity (password hashes, access tokens, phone numbers) is plain Java already: take it
 * from {@code adapters-identity}.
 */
public final class InMemoryAdapters implements AutoCloseable {

    /**
     * One nudge to live sockets, named after the port method that sent it ({@code newMessage}, {@code finished},
     * {@code orderUpdated}, ...).
     *
     * @param user    the user whose devices it reaches; null when it went to one socket only
     * @param socket  the one socket it went to ({@code roomList}); null otherwise
     * @param except  the socket it did not go to ({@code answeredElsewhere}, {@code finishedElsewhere}); null otherwise
     * @param payload what the port method was handed: a {@code MessageView}, a {@code CallView}, an {@code OrderView}, ...
     */
    public record Sent(String signal, UserId user, SocketId socket, SocketId except, Object payload) {
    }

    /** What the call metrics counted: calls that rang, were answered, were missed, and the seconds talked. */
    public record CallCounts(long started, long answered, long missed, long secondsTalked) {
    }

    /**
     * A token's chain in memory, mining each transaction at once as anvil does, with the controls of anvil's that tests
     * use. Amounts are in the token's smallest unit (USDT has 6 decimals); addresses are 0x and 40 hexadecimal digits.
     */
    public interface Chain extends TokenChain {

        /** The wallet withdrawals are paid from; it starts without tokens. */
        HotWallet hotWallet();

        /** Where users' deposit addresses come from, one per index. */
        DepositAddressDeriver depositAddresses();

        /** A transfer of the payer's (who has plenty) to {@code to}, mined in a block of its own; its hash. */
        String transfer(String to, BigInteger units);

        /** One transaction of the payer with a {@code Transfer} log to each of {@code to}, in order; its hash. */
        String transferMany(List<String> to, List<BigInteger> units);

        /** New tokens for {@code to}, mined in a block of its own; its hash. */
        String mint(String to, BigInteger units);

        /** Mines {@code blocks} empty blocks. */
        void mine(int blocks);

        /** Remembers the chain as it is now, for {@link #revert}. */
        String snapshot();

        /** Takes the blocks after {@code snapshot} off the chain, with their transactions: a reorganisation. */
        void revert(String snapshot);

        BigInteger tokenBalance(String address);
    }

    private final MemoryStore store = new MemoryStore();
    private final MovableClock clock;
    private final PresenceTables presenceTables = new PresenceTables(store);
    private final PushTables pushTables = new PushTables(store);
    private final UserAccounts userAccounts = new MemoryUserAccounts(store);
    private final ChatTables chatTables = new ChatTables(store, userAccounts, presenceTables);
    private final MemoryMessages messages = new MemoryMessages(store, chatTables);
    private final ChatRooms chatRooms = new MemoryChatRooms(store, chatTables, messages);
    private final RoomList roomList = new MemoryRoomList(store, chatTables);
    private final CallSessions callSessions = new MemoryCallSessions(store, presenceTables);
    private final Devices devices = new MemoryDevices(store, pushTables);
    private final PushQueue pushQueue = new MemoryPushQueue(store, pushTables);
    private final Offers offers = new MemoryOffers(store);
    private final Orders orders = new MemoryOrders(store);
    private final MemoryLedger ledger = new MemoryLedger(store);
    private final Attachments attachments = new MemoryAttachments(store, chatRooms, orders);
    private final AttachmentStore attachmentStore = new MemoryAttachmentStore(store);
    private final UploadQuotas uploadQuotas = new MemoryUploadQuotas(store);
    private final ChainServices.Storage chainStorage = new ChainServices.Storage(new MemoryDepositAddresses(store),
            new MemoryDeposits(store), new MemoryScannedBlocks(store), new MemoryWithdrawals(store),
            new MemoryLeases(store), ledger, store);
    private final MemoryChain chain = new MemoryChain();
    private final AttemptCounters attemptCounters = new MemoryAttemptCounters(store);
    private final LoginSessions loginSessions = new MemoryLoginSessions(store);
    private final Blocks blocks = new MemoryBlocks(store);
    private final Reports reports = new MemoryReports(store);
    private final RecordingSignals signals = new RecordingSignals();
    private final CountingCallMetrics callMetrics = new CountingCallMetrics();
    private final MemoryVoiceTokens voiceTokens;

    private InMemoryAdapters(Clock clock) {
        this.clock = new MovableClock(clock);
        this.voiceTokens = new MemoryVoiceTokens(this.clock);
    }

    /**
     * A store whose clock stands still at the moment of creation (to the microsecond, as PostgreSQL keeps time)
     * until {@link #advanceClock} moves it: timers fire exactly when a test says.
     */
    public static InMemoryAdapters create() {
        return new InMemoryAdapters(Clock.fixed(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    /** A store on the given clock, for a program that runs in real time; {@link #advanceClock} still moves it on. */
    public static InMemoryAdapters create(Clock clock) {
        return new InMemoryAdapters(clock);
    }

    /** The clock to hand to the services, so that they and these adapters agree on the time. */
    public Clock clock() {
        return clock;
    }

    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    public Transactions transactions() {
        return store;
    }

    public UserAccounts userAccounts() {
        return userAccounts;
    }

    /** The presence of the sockets of node {@code nodeId}, which beats now; its users go offline when its beats stop. */
    public Presence presence(UUID nodeId) {
        Presence presence = new MemoryPresence(store, presenceTables, nodeId);
        presence.heartbeat(clock.instant());
        return presence;
    }

    public ChatRooms chatRooms() {
        return chatRooms;
    }

    public Messages messages() {
        return messages;
    }

    /** The room lists; its {@code unreadTotal} is also the push badge's {@code UnreadCounts}. */
    public RoomList roomList() {
        return roomList;
    }

    public Devices devices() {
        return devices;
    }

    public PushQueue pushQueue() {
        return pushQueue;
    }

    public CallSessions callSessions() {
        return callSessions;
    }

    public Offers offers() {
        return offers;
    }

    public Orders orders() {
        return orders;
    }

    public Ledger ledger() {
        return ledger;
    }

    /**
     * Every ledger entry's amount summed by account kind (AVAILABLE, LOCKED, EXTERNAL, FEES): what left or entered the
     * marketplace, and its fees. Together they sum to zero.
     */
    public Map<LedgerAccount.Bucket, BigDecimal> ledgerTotals() {
        return ledger.totals();
    }

    public Attachments attachments() {
        return attachments;
    }

    /** The attachments' bytes, kept with the store's transactions as PostgreSQL keeps them. */
    public AttachmentStore attachmentStore() {
        return attachmentStore;
    }

    public UploadQuotas uploadQuotas() {
        return uploadQuotas;
    }

    /** What the deposit and withdrawal use cases keep: addresses, deposits, withdrawals, the follower's place, leases. */
    public ChainServices.Storage chainStorage() {
        return chainStorage;
    }

    /** The chain of these adapters: its own, empty but for the payer's tokens. */
    public Chain chain() {
        return chain;
    }

    /** Failed logins and registrations per account and per address, for the sign-in throttle. */
    public AttemptCounters attemptCounters() {
        return attemptCounters;
    }

    public LoginSessions loginSessions() {
        return loginSessions;
    }

    public Blocks blocks() {
        return blocks;
    }

    public Reports reports() {
        return reports;
    }

    /** True until {@link #close}. */
    public DatabaseProbe databaseProbe() {
        return store::isOpen;
    }

    /** Issues voice tokens valid for {@code timeToLive}, which {@link #admitsToVoice} checks. */
    public VoiceTokenIssuer voiceTokens(Duration timeToLive) {
        return voiceTokens.issuer(timeToLive);
    }

    /** Whether a token from {@link #voiceTokens} admits {@code uid} to {@code channelName} now. */
    public boolean admitsToVoice(String token, String channelName, long uid) {
        return voiceTokens.admits(token, channelName, uid);
    }

    public RealtimePublisher realtimePublisher() {
        return signals;
    }

    public CallSignals callSignals() {
        return signals;
    }

    public OrderSignals orderSignals() {
        return signals;
    }

    public WalletSignals walletSignals() {
        return signals;
    }

    /** Records each revoked session as a {@code revoked} signal. */
    public SessionSignals sessionSignals() {
        return signals;
    }

    /** What the realtime ports above were asked to send, in order. */
    public List<Sent> sent() {
        return signals.sent();
    }

    public List<Sent> sentTo(UserId user) {
        return sent().stream().filter(sent -> user.equals(sent.user())).toList();
    }

    public void clearSent() {
        signals.clear();
    }

    public CallMetrics callMetrics() {
        return callMetrics;
    }

    public CallCounts callCounts() {
        return callMetrics.counts();
    }

    /** Refuses every later use, as a closed connection pool does. */
    @Override
    public void close() {
        store.close();
    }
}
