package com.usdtagent.usecases;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.call.CallServices;
import com.usdtagent.application.chain.ChainConfig;
import com.usdtagent.application.chain.ChainMetrics;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.TokenChain;
import com.usdtagent.application.chat.AcknowledgeReceiptService;
import com.usdtagent.application.chat.GoOfflineService;
import com.usdtagent.application.chat.GoOnlineService;
import com.usdtagent.application.chat.LeaveRoomService;
import com.usdtagent.application.chat.ListChatRoomsService;
import com.usdtagent.application.chat.OpenChatHistoryService;
import com.usdtagent.application.chat.OpenDirectRoomService;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.chat.SendMessageService;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.ledger.DepositFunds;
import com.usdtagent.application.ledger.DepositFundsService;
import com.usdtagent.application.ledger.ShowWalletService;
import com.usdtagent.application.push.DevicePlatform;
import com.usdtagent.application.push.PushContents;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.push.QueuedPush;
import com.usdtagent.application.push.QueueingPushOutbox;
import com.usdtagent.application.trade.OrderLimits;
import com.usdtagent.application.trade.TradeServices;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.trade.Usdt;
import com.usdtagent.domain.wallet.WithdrawalStatus;
import com.usdtagent.memory.InMemoryAdapters;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One node of the service without its servers: every use case built as bootstrap's {@code ServiceNode} builds it,
 * with push on, on the in-memory adapters, whose clock stands still until a test moves it. What the sockets would
 * have been sent is in {@link #memory}'s recorders.
 */
public final class InMemoryNode implements AutoCloseable {

    /** The defaults of {@code CALL_RING_TIMEOUT_SECONDS} and {@code CALL_DISCONNECT_GRACE_SECONDS}. */
    public static final Duration RING_TIMEOUT = Duration.ofSeconds(45);
    public static final Duration DISCONNECT_GRACE = Duration.ofSeconds(20);
    private static final Duration PUSH_LEASE = Duration.ofMinutes(3);
    /** Three confirmations; withdrawals from 10 USDT at a fee of 1, waiting for an admin above 1000; read from block 0. */
    public static final ChainConfig CHAIN = new ChainConfig(31337, "0x" + "7".repeat(40), 3, usdt("1"), usdt("10"),
            usdt("1000"), OptionalLong.of(0), Duration.ofSeconds(5));
    /** Long enough for a node's chain leases to lapse once it stops renewing them. */
    public static final Duration CHAIN_LEASE_LAPSE = CHAIN.pollInterval().multipliedBy(3).plusSeconds(11);
    /** The chain's meters are Micrometer's, in the chain adapter; the use-case tests look at what users see. */
    private static final ChainMetrics UNMETERED = new ChainMetrics() {
        @Override
        public void depositsSeen(int count) {
        }

        @Override
        public void depositCredited() {
        }

        @Override
        public void withdrawal(WithdrawalStatus status) {
        }

        @Override
        public void followerLag(long blocks) {
        }

        @Override
        public void hotWalletBalance(Usdt balance) {
        }
    };

    public final InMemoryAdapters memory = InMemoryAdapters.create();
    public final Presence presence = memory.presence(UUID.randomUUID());
    public final PushOutbox push = new QueueingPushOutbox(memory.pushQueue(), memory.roomList()::unreadTotals,
            new PushContents(true), memory.clock());
    public final RoomPosts posts = new RoomPosts(memory.chatRooms(), memory.realtimePublisher(), memory.clock());
    public final CallServices calls = new CallServices(memory.callSessions(), memory.userAccounts(),
            memory.chatRooms(), posts, memory.callSignals(), memory.callMetrics(), memory.voiceTokens(Duration.ofHours(1)),
            push, memory.transactions(), memory.clock(), new SecureRandom(), RING_TIMEOUT, DISCONNECT_GRACE,
            memory.blocks());
    public final SendMessageService sendMessage = new SendMessageService(posts, memory.messages(),
            memory.attachments(), push, memory.transactions(), memory.clock(), memory.blocks());
    public final GoOnlineService goOnline = new GoOnlineService(presence, memory.chatRooms(), memory.roomList(),
            memory.realtimePublisher(), memory.transactions(), memory.clock());
    public final GoOfflineService goOffline = new GoOfflineService(presence, memory.roomList(),
            memory.realtimePublisher(), memory.clock());
    public final ListChatRoomsService listChatRooms = new ListChatRoomsService(memory.roomList());
    public final OpenDirectRoomService openDirectRoom = new OpenDirectRoomService(memory.userAccounts(),
            memory.chatRooms(), memory.roomList(), memory.realtimePublisher(), memory.transactions(), memory.clock(),
            memory.blocks());
    public final OpenChatHistoryService openChatHistory = new OpenChatHistoryService(memory.chatRooms(),
            memory.roomList(), memory.messages(), presence, memory.realtimePublisher(), memory.transactions(),
            memory.clock());
    public final AcknowledgeReceiptService acknowledgeReceipt = new AcknowledgeReceiptService(memory.chatRooms(),
            memory.roomList(), memory.realtimePublisher(), memory.transactions(), memory.clock());
    public final LeaveRoomService leaveRoom = new LeaveRoomService(memory.chatRooms(), presence);
    public final TradeServices trade = new TradeServices(memory.offers(), memory.orders(), memory.ledger(),
            memory.userAccounts(), memory.chatRooms(), memory.messages(), posts, presence, push, memory.orderSignals(),
            memory.transactions(), memory.clock(), memory.attachments(), OrderLimits.DEFAULTS,
            memory.blocks());
    public final ShowWalletService wallet = new ShowWalletService(memory.ledger());
    public final DepositFundsService deposits = new DepositFundsService(memory.ledger(), memory.userAccounts(),
            memory.transactions(), memory.clock());

    /** The deposit and withdrawal use cases of this node, "node-1", on the in-memory chain. */
    public final ChainServices chain = chainNode("node-1", memory.chain());

    private final AuthenticatedUser admin = account("admin", Role.ADMIN);
    private final Map<String, UserId> deviceOwners = new ConcurrentHashMap<>();
    private final List<QueuedPush> pushed = new ArrayList<>();

    /**
     * The deposit and withdrawal use cases as node {@code name} runs them on this node's storage, seeing the chain
     * through {@code seen}: another node, or this one restarted when {@code name} is this one's.
     */
    public ChainServices chainNode(String name, TokenChain seen) {
        var onChain = memory.chain();
        return new ChainServices(new ChainServices.Chain(seen, onChain.hotWallet(), onChain.depositAddresses()),
                memory.chainStorage(), push, memory.walletSignals(), UNMETERED, CHAIN, name, memory.clock());
    }

    private static Usdt usdt(String amount) {
        return new Usdt(new BigDecimal(amount));
    }

    /** A signed-in account with this name and role: what registering and logging in would have given. */
    public AuthenticatedUser account(String username, Role role) {
        var account = new UserAccount(UserId.newId(), new Username(username), null, "a hash", role,
                memory.clock().instant());
        memory.userAccounts().add(account);
        return new AuthenticatedUser(account.id(), role);
    }

    public AuthenticatedUser admin() {
        return admin;
    }

    /** The pair's room, as opening a chat or placing an order opens it. */
    public RoomId room(AuthenticatedUser one, AuthenticatedUser other) {
        return openDirectRoom.open(one, other.id()).room().roomId();
    }

    /** A new socket of the user, connected. */
    public SocketId connect(AuthenticatedUser user) {
        var socket = new SocketId(UUID.randomUUID());
        goOnline.goOnline(user, socket);
        return socket;
    }

    public void credit(AuthenticatedUser user, String usdt) {
        deposits.deposit(admin, new DepositFunds.Command(user.id(), new Usdt(new BigDecimal(usdt)),
                "deposit-" + UUID.randomUUID()));
    }

    /** A phone of the user that receives pushes from now on. */
    public void phone(AuthenticatedUser user) {
        String token = "token-" + UUID.randomUUID();
        memory.devices().register(user.id(), token, DevicePlatform.ANDROID, memory.clock().instant());
        deviceOwners.put(token, user.id());
    }

    /** Every push that reached a phone of the user so far, oldest first: the dispatcher's claims, as FCM got them. */
    public synchronized List<PushMessage> pushesTo(AuthenticatedUser user) {
        List<QueuedPush> due;
        while (!(due = memory.pushQueue().claim(100, memory.clock().instant(), PUSH_LEASE)).isEmpty()) {
            memory.pushQueue().markSent(due);
            pushed.addAll(due);
        }
        return pushed.stream().filter(push -> user.id().equals(deviceOwners.get(push.deviceToken())))
                .map(QueuedPush::message).toList();
    }

    @Override
    public void close() {
        sendMessage.close();
        memory.close();
    }
}
