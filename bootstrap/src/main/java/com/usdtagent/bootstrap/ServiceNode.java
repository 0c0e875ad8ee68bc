package com.usdtagent.bootstrap;

import com.usdtagent.agora.Agora;
import com.usdtagent.application.account.AccessTokens;
import com.usdtagent.application.account.AuthenticateTokenService;
import com.usdtagent.application.account.BlockUsersService;
import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.account.ChangePasswordService;
import com.usdtagent.application.account.CheckSessionService;
import com.usdtagent.application.account.EndSessionService;
import com.usdtagent.application.account.ListSessionsService;
import com.usdtagent.application.account.PurgeSessionsService;
import com.usdtagent.application.account.RefreshSessionService;
import com.usdtagent.application.account.SessionKeeper;
import com.usdtagent.application.account.EnsureAdminAccountService;
import com.usdtagent.application.account.LogInService;
import com.usdtagent.application.account.LookUpAccountService;
import com.usdtagent.application.account.PasswordHasher;
import com.usdtagent.application.account.PhoneNumbers;
import com.usdtagent.application.account.RegisterAccountService;
import com.usdtagent.application.account.ShowMyAccountService;
import com.usdtagent.application.account.SignInThrottle;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.attachment.AttachmentStore;
import com.usdtagent.application.attachment.CollectUnsentAttachmentsService;
import com.usdtagent.application.attachment.DownloadAttachmentService;
import com.usdtagent.application.attachment.OpenAttachmentService;
import com.usdtagent.application.attachment.UploadAttachmentService;
import com.usdtagent.application.call.CallServices;
import com.usdtagent.application.call.VoiceTokenIssuer;
import com.usdtagent.application.chain.ChainConfig;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chain.HotWallet;
import com.usdtagent.application.chat.AcknowledgeReceiptService;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.GoOfflineService;
import com.usdtagent.application.chat.GoOnlineService;
import com.usdtagent.application.chat.LeaveRoomService;
import com.usdtagent.application.chat.ListChatRoomsService;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.OpenChatHistoryService;
import com.usdtagent.application.chat.OpenDirectRoomService;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.chat.SendMessageService;
import com.usdtagent.application.chat.ShowTypingService;
import com.usdtagent.application.chat.SweepPresenceService;
import com.usdtagent.application.health.CheckHealthService;
import com.usdtagent.application.ledger.DepositFundsService;
import com.usdtagent.application.ledger.ShowWalletService;
import com.usdtagent.application.push.DispatchPushesService;
import com.usdtagent.application.push.ForgetDeviceService;
import com.usdtagent.application.push.PushContents;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.push.PushSender;
import com.usdtagent.application.push.QueueingPushOutbox;
import com.usdtagent.application.push.RegisterDeviceService;
import com.usdtagent.application.shared.FailureLog;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.application.moderation.BanUserService;
import com.usdtagent.application.moderation.ReportUserService;
import com.usdtagent.application.trade.TradeServices;
import com.usdtagent.chain.EvmChain;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.files.FileStorage;
import com.usdtagent.http.HttpApi;
import com.usdtagent.identity.Identity;
import com.usdtagent.media.Media;
import com.usdtagent.persistence.PostgresPersistence;
import com.usdtagent.push.Push;
import com.usdtagent.socketio.SocketIoGateway;
import com.usdtagent.socketio.SocketSettings;
import com.usdtagent.webrtc.WebRtc;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One running node of the service: the only place that knows every adapter. It starts the parts in dependency
 * order and stops them in reverse, so that no request finds its database gone.
 */
final class ServiceNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceNode.class);

    private static final Duration COLLECT_EVERY = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Deque<AutoCloseable> stopInReverse = new ArrayDeque<>();
    private HttpApi http;
    private SocketIoGateway sockets;

    private ServiceNode() {
    }

    static ServiceNode start(Settings settings) {
        return start(settings, null);
    }

    /** @param pushOverride the outbox to use instead of the one the settings ask for; null for that one */
    static ServiceNode start(Settings settings, PushOutbox pushOverride) {
        var node = new ServiceNode();
        try {
            node.startParts(settings, pushOverride);
            return node;
        } catch (RuntimeException failure) {
            node.close();
            throw failure;
        }
    }

    private void startParts(Settings settings, PushOutbox pushOverride) {
        // PostgreSQL keeps microseconds: times sent live must equal the ones read back later
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
        var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        var gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(meters);
        stopInReverse.push(gcMetrics);

        int poolSize = settings.databasePoolSize();
        var persistence = settings.database()
                .map(database -> PostgresPersistence.open(database, meters, poolSize))
                .orElseGet(() -> PostgresPersistence.openEmbedded(settings.dataDir(), meters, poolSize));
        stopInReverse.push(persistence);

        byte[] secret = settings.jwtSecret().orElseGet(() -> JwtSecret.generatedOnceIn(settings.dataDir()));
        AccessTokens tokens = Identity.accessTokens(secret, settings.tokenTimeToLive(), clock);
        PasswordHasher passwords = Identity.passwordHasher();
        PhoneNumbers phoneNumbers = Identity.phoneNumbers();
        var accounts = persistence.userAccounts();

        settings.admin().ifPresent(admin -> {
            boolean created = new EnsureAdminAccountService(accounts, passwords, persistence.transactions(), clock)
                    .ensure(admin.username(), admin.password());
            log.info(created ? "admin account {} created" : "admin account {} already exists", admin.username());
        });

        PushOutbox push = pushOverride != null ? pushOverride : startPush(settings.push(), persistence, meters, clock);
        var links = new AttachmentLinks(Identity.linkSigner(secret), settings.attachments().linkTimeToLive(), clock);
        sockets = new SocketIoGateway(
                SocketSettings.listeningOn(settings.socketPort(), settings.websocketCompression(), settings.redis(),
                        settings.corsAllowedOrigins(), settings.limits().sockets()), meters, links);
        var sessionKeeper = new SessionKeeper(persistence.loginSessions(), accounts, tokens, sockets.sessionSignals(),
                settings.sessionTimeToLive(), clock);
        var authenticateToken = new AuthenticateTokenService(tokens, sessionKeeper);
        repeat("session-check-renewal", SessionKeeper.RENEW_EVERY, sessionKeeper::renewChecks);
        repeat("session-purge", Duration.ofHours(1), new PurgeSessionsService(persistence.loginSessions(),
                settings.sessionTimeToLive(), clock)::purge);
        // the one way into a room, for texts, order steps and finished calls
        var posts = new RoomPosts(persistence.chatRooms(), sockets.publisher(), clock);
        var blocks = persistence.blocks();
        var calls = callServices(settings.calls(), persistence, posts, push, clock, blocks);
        UUID nodeId = UUID.randomUUID();
        Presence presence = persistence.presence(nodeId);
        startSockets(settings, persistence, presence, authenticateToken, new CheckSessionService(sessionKeeper), posts,
                push, calls, clock, blocks);
        var trade = new TradeServices(persistence.offers(), persistence.orders(), persistence.ledger(), accounts,
                persistence.chatRooms(), persistence.messages(), posts, presence, push, sockets.orderSignals(),
                persistence.transactions(), clock, persistence.attachments(), settings.limits().orders(), blocks);
        // the payment window, read from the database: it outlives this node, and each due order is claimed once
        repeat("order-timer", Duration.ofSeconds(1), trade.expireOrders()::expire);
        var attachments = attachmentUseCases(settings.attachments(), persistence, links, clock);
        var onChain = startChain(settings.chain(), persistence, push, meters, nodeId.toString(), clock);

        var throttle = new SignInThrottle(persistence.attemptCounters(), settings.limits().signIn(), clock);
        repeat("attempt-counter-sweep", Duration.ofMinutes(10), throttle::forgetQuietKeys);
        http = HttpApi.create(new HttpApi.UseCases(
                new RegisterAccountService(accounts, passwords, sessionKeeper, phoneNumbers, Identity.commonPasswords(),
                        throttle, clock),
                new LogInService(accounts, passwords, sessionKeeper, phoneNumbers, throttle),
                authenticateToken,
                new ShowMyAccountService(accounts),
                new LookUpAccountService(accounts),
                new CheckHealthService(persistence.databaseProbe()),
                calls.listCalls(),
                new RegisterDeviceService(persistence.devices(), clock),
                new ForgetDeviceService(persistence.devices()),
                new HttpApi.TradeUseCases(trade.postOffer(), trade.changeOffer(), trade.listOffers(), trade.placeOrder(),
                        trade.markOrderPaid(), trade.cancelOrder(), trade.releaseEscrow(), trade.appealOrder(),
                        trade.resolveAppeal(), trade.showOrders(), trade.showAppealConversation(),
                        new ShowWalletService(persistence.ledger()),
                        new DepositFundsService(persistence.ledger(), accounts, persistence.transactions(), clock)),
                attachments,
                onChain,
                new HttpApi.SessionUseCases(
                        new RefreshSessionService(persistence.loginSessions(), accounts, sessionKeeper,
                                persistence.transactions()),
                        new EndSessionService(persistence.loginSessions(), sessionKeeper),
                        new ListSessionsService(persistence.loginSessions(), sessionKeeper),
                        new ChangePasswordService(accounts, passwords, sessionKeeper, Identity.commonPasswords())),
                new HttpApi.ModerationUseCases(
                        new BlockUsersService(blocks, accounts, clock),
                        new ReportUserService(persistence.reports(), accounts, persistence.chatRooms(), clock),
                        new BanUserService(accounts, sessionKeeper, trade.suspendTrading(), clock))),
                new HttpApi.WebApp(sockets.port(), settings.publicSocketUrl(), settings.corsAllowedOrigins(),
                        settings.calls().provider() == Settings.VoiceProvider.AGORA),
                new HttpApi.Metrics(meters::scrape, settings.metrics().port(), settings.metrics().token()), meters,
                settings.limits().trustedProxies());
        http.start(settings.httpPort());
        stopInReverse.push(http::stop);
    }

    /**
     * With FCM credentials: an outbox that queues in the caller's transaction, and a dispatcher that sends through
     * FCM. Without: an outbox that queues nothing, so no rows pile up for a sender that does not exist.
     */
    private PushOutbox startPush(Settings.PushSettings settings, PostgresPersistence persistence,
                                 PrometheusMeterRegistry meters, Clock clock) {
        if (settings.fcmCredentialsFile().isEmpty()) {
            log.info("push is off: set FCM_CREDENTIALS_FILE (or GOOGLE_APPLICATION_CREDENTIALS) to send through FCM");
            return notification -> { };
        }
        PushSender sender = Push.fcm(settings.fcmCredentialsFile().get(), settings.fcmEndpoint(), clock);
        stopInReverse.push(sender);
        stopInReverse.push(PushDispatcher.start(
                new DispatchPushesService(persistence.pushQueue(), sender, persistence.devices(), clock), meters));
        log.info("push is on: FCM at {}", settings.fcmEndpoint().map(Object::toString).orElse("Google"));
        return new QueueingPushOutbox(persistence.pushQueue(), persistence.roomList()::unreadTotals,
                new PushContents(settings.showPreview()), clock);
    }

    /** The bytes in PostgreSQL unless ATTACHMENT_DIR names a directory; the collector runs on every node. */
    private HttpApi.AttachmentUseCases attachmentUseCases(Settings.AttachmentSettings settings,
                                                          PostgresPersistence persistence, AttachmentLinks links,
                                                          Clock clock) {
        AttachmentStore store = settings.directory().map(FileStorage::attachmentsIn)
                .orElseGet(persistence::attachmentStore);
        log.info("attachments are kept {}", settings.directory().map(dir -> "in " + dir).orElse("in PostgreSQL"));
        var attachments = persistence.attachments();
        var transactions = persistence.transactions();
        // unsent uploads are claimed with SKIP LOCKED: each is deleted once, whichever node comes first
        repeat("attachment-collector", COLLECT_EVERY, new CollectUnsentAttachmentsService(attachments, store,
                persistence.uploadQuotas(), transactions, clock)::collect);
        return new HttpApi.AttachmentUseCases(
                new UploadAttachmentService(attachments, store, Media.inspector(settings.maxPixels()),
                        persistence.uploadQuotas(), transactions, clock,
                        new UploadAttachmentService.Limits(settings.maxBytes(), settings.dailyBytes())),
                new OpenAttachmentService(attachments, links),
                new DownloadAttachmentService(attachments, store, links),
                links);
    }

    /**
     * With CHAIN_RPC_URL: connects to the chain (checking its id and the token), and runs the deposit follower and the
     * withdrawal sender on timers; each pass does nothing on a node that does not hold the job's lease. Without: no
     * use cases, and the routes refuse.
     */
    private Optional<HttpApi.OnChainUseCases> startChain(Optional<ChainSettings> chainSettings,
                                                         PostgresPersistence persistence, PushOutbox push,
                                                         PrometheusMeterRegistry meters, String node, Clock clock) {
        if (chainSettings.isEmpty()) {
            log.info("deposits and withdrawals on chain are off: set CHAIN_RPC_URL to follow a chain");
            return Optional.empty();
        }
        ChainSettings settings = chainSettings.get();
        ChainConfig config = settings.config();
        EvmChain evm;
        try {
            evm = EvmChain.connect(settings.rpcUrl(), config.chainId(), config.token());
        } catch (IllegalStateException unusable) {
            throw new IllegalStateException("CHAIN_RPC_URL, CHAIN_ID or USDT_CONTRACT: " + unusable.getMessage(), unusable);
        }
        stopInReverse.push(evm);
        HotWallet hotWallet = evm.hotWallet(settings.withdrawalKeyFile(), settings.gasLimit());
        var services = new ChainServices(
                new ChainServices.Chain(evm.tokenChain(), hotWallet, EvmChain.depositAddresses(settings.depositXpub())),
                persistence.chainStorage(), push, sockets.walletSignals(), EvmChain.metrics(meters), config, node, clock);
        repeat("deposit-follower", config.pollInterval(), services.followDeposits()::follow);
        repeat("withdrawal-sender", config.pollInterval(), services.sendWithdrawals()::send);
        log.info("deposits and withdrawals on chain {}: USDT {}, {} confirmations, hot wallet {}", config.chainId(),
                config.token(), config.confirmations(), hotWallet.address());
        return Optional.of(new HttpApi.OnChainUseCases(services.showDepositAddress(), services.listDeposits(),
                services.requestWithdrawal(), services.listWithdrawals(), services.reviewWithdrawals()));
    }

    private CallServices callServices(Settings.CallSettings settings, PostgresPersistence persistence,
                                      RoomPosts posts, PushOutbox push, Clock clock, Blocks blocks) {
        VoiceTokenIssuer tokens = switch (settings.provider()) {
            case AGORA -> {
                log.info("voice calls: Agora, {}", Agora.modeOf(settings.agoraCertificate()).description());
                yield Agora.tokenIssuer(settings.agoraAppId().orElseThrow(), settings.agoraCertificate(),
                        settings.tokenTimeToLive(), clock);
            }
            case WEBRTC -> {
                log.info("voice calls: WebRTC, {}", settings.ice());
                yield WebRtc.iceServers(settings.ice(), clock);
            }
            case OFF -> {
                log.info("voice calls: off (VOICE_PROVIDER=off), every call-start is refused");
                yield (call, participant) -> {
                    throw new BusinessException(ErrorCode.INVALID_STATE,
                            "Voice calls are not configured on this server");
                };
            }
        };
        return new CallServices(persistence.callSessions(), persistence.userAccounts(), persistence.chatRooms(), posts,
                sockets.callSignals(), sockets.callMetrics(), tokens, push, persistence.transactions(), clock,
                new SecureRandom(), settings.ringTimeout(), settings.disconnectGrace(), blocks);
    }

    private void startSockets(Settings settings, PostgresPersistence persistence, Presence presence,
                              AuthenticateTokenService authenticateToken, CheckSessionService checkSession,
                              RoomPosts posts, PushOutbox push, CallServices calls, Clock clock, Blocks blocks) {
        RealtimePublisher publisher = sockets.publisher();
        ChatRooms rooms = persistence.chatRooms();
        RoomList roomList = persistence.roomList();
        Messages messages = persistence.messages();
        Transactions transactions = persistence.transactions();
        var sendMessage = new SendMessageService(posts, messages, persistence.attachments(), push, transactions, clock,
                blocks);
        stopInReverse.push(sendMessage); // after the sockets: it writes the sends they took before they stopped
        sockets.start(new SocketIoGateway.ChatUseCases(authenticateToken, checkSession,
                new GoOnlineService(presence, rooms, roomList, publisher, transactions, clock),
                new GoOfflineService(presence, roomList, publisher, clock),
                new ListChatRoomsService(roomList),
                new OpenDirectRoomService(persistence.userAccounts(), rooms, roomList, publisher, transactions, clock,
                        blocks),
                new OpenChatHistoryService(rooms, roomList, messages, presence, publisher, transactions, clock),
                sendMessage,
                new AcknowledgeReceiptService(rooms, roomList, publisher, transactions, clock),
                new LeaveRoomService(rooms, presence),
                new ShowTypingService(rooms, publisher)),
                new SocketIoGateway.CallUseCases(calls.startCall(), calls.acceptCall(), calls.rejectCall(),
                        calls.cancelCall(), calls.endCall(), calls.renewCallToken(), calls.relayCallSignal()));
        stopInReverse.push(sockets::stop);

        // heartbeats keep this node's sockets counted; a node silent for the TTL has its users taken offline
        var sweep = new SweepPresenceService(presence, roomList, publisher, settings.presenceTimeToLive(), clock);
        repeat("presence-sweep", Duration.ofMillis(Math.max(1, settings.presenceTimeToLive().toMillis() / 3)), sweep::sweep);
        // ring timeouts and dropped participants, read from the database, so that they outlive this node
        repeat("call-timer", Duration.ofSeconds(1), calls.expireCalls()::expire);
    }

    /**
     * Runs {@code job} at once and then {@code every} apart, on a thread of its own, until the node stops; stopping
     * lets a run under way finish, so that it is not cut off in the middle of a transaction by the pool closing.
     */
    private void repeat(String name, Duration every, Runnable job) {
        var timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException failure) {
                log.warn("{} failed: {}", name, FailureLog.describe(failure));
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        stopInReverse.push(() -> {
            timer.shutdown();
            if (!timer.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("{} still running after {} s; stopping anyway", name, STOP_TIMEOUT.toSeconds());
                timer.shutdownNow();
            }
        });
    }

    int httpPort() {
        return http.port();
    }

    int socketPort() {
        return sockets.port();
    }

    /** Stops taking connections first, finishes what is in flight, then closes the pool and the database. */
    @Override
    public void close() {
        while (!stopInReverse.isEmpty()) {
            AutoCloseable part = stopInReverse.pop();
            try {
                part.close();
            } catch (Exception failure) {
                log.warn("failed to stop {}", part, failure);
            }
        }
    }

}
