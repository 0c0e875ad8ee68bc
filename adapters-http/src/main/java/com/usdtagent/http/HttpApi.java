package com.usdtagent.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.usdtagent.application.account.AuthenticateToken;
import com.usdtagent.application.account.BlockUsers;
import com.usdtagent.application.account.ChangePassword;
import com.usdtagent.application.account.EndSession;
import com.usdtagent.application.account.ListSessions;
import com.usdtagent.application.account.RefreshSession;
import com.usdtagent.application.moderation.BanUser;
import com.usdtagent.application.moderation.ReportUser;
import com.usdtagent.application.account.LogIn;
import com.usdtagent.application.account.LookUpAccount;
import com.usdtagent.application.account.RegisterAccount;
import com.usdtagent.application.account.ShowMyAccount;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.attachment.DownloadAttachment;
import com.usdtagent.application.attachment.OpenAttachment;
import com.usdtagent.application.attachment.UploadAttachment;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.application.chain.ListDeposits;
import com.usdtagent.application.chain.ListWithdrawals;
import com.usdtagent.application.chain.RequestWithdrawal;
import com.usdtagent.application.chain.ReviewWithdrawals;
import com.usdtagent.application.chain.ShowDepositAddress;
import com.usdtagent.application.health.CheckHealth;
import com.usdtagent.application.ledger.DepositFunds;
import com.usdtagent.application.ledger.ShowWallet;
import com.usdtagent.application.push.ForgetDevice;
import com.usdtagent.application.push.RegisterDevice;
import com.usdtagent.application.trade.AppealOrder;
import com.usdtagent.application.trade.CancelOrder;
import com.usdtagent.application.trade.ChangeOffer;
import com.usdtagent.application.trade.ListOffers;
import com.usdtagent.application.trade.MarkOrderPaid;
import com.usdtagent.application.trade.PlaceOrder;
import com.usdtagent.application.trade.PostOffer;
import com.usdtagent.application.trade.ReleaseEscrow;
import com.usdtagent.application.trade.ResolveAppeal;
import com.usdtagent.application.trade.ShowAppealConversation;
import com.usdtagent.application.trade.ShowOrders;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.function.Supplier;

/** The HTTP API, and the web app that is its client, served by Javalin on Jetty. */
public final class HttpApi {

    static final long MAX_BODY_BYTES = 64 * 1024;
    /** How long {@link #stop()} lets in-flight requests finish. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    /** The inbound ports the routes call. */
    public record UseCases(RegisterAccount registerAccount, LogIn logIn, AuthenticateToken authenticateToken,
                           ShowMyAccount showMyAccount, LookUpAccount lookUpAccount, CheckHealth checkHealth,
                           ListCalls listCalls, RegisterDevice registerDevice, ForgetDevice forgetDevice,
                           TradeUseCases trade, AttachmentUseCases attachments, Optional<OnChainUseCases> onChain,
                           SessionUseCases sessions, ModerationUseCases moderation) {
        public UseCases {
            Objects.requireNonNull(registerAccount, "registerAccount");
            Objects.requireNonNull(logIn, "logIn");
            Objects.requireNonNull(authenticateToken, "authenticateToken");
            Objects.requireNonNull(showMyAccount, "showMyAccount");
            Objects.requireNonNull(lookUpAccount, "lookUpAccount");
            Objects.requireNonNull(checkHealth, "checkHealth");
            Objects.requireNonNull(listCalls, "listCalls");
            Objects.requireNonNull(registerDevice, "registerDevice");
            Objects.requireNonNull(forgetDevice, "forgetDevice");
            Objects.requireNonNull(trade, "trade");
            Objects.requireNonNull(attachments, "attachments");
            Objects.requireNonNull(onChain, "onChain");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(moderation, "moderation");
        }
    }

    /** The inbound ports of a signed-in person's sessions and password. */
    public record SessionUseCases(RefreshSession refresh, EndSession end, ListSessions list,
                                  ChangePassword changePassword) {
    }

    /** The inbound ports of blocks, reports and bans. */
    public record ModerationUseCases(BlockUsers blockUsers, ReportUser reportUser, BanUser banUser) {
    }

    /** The inbound ports of files in rooms, and the links that every payload with a file carries. */
    public record AttachmentUseCases(UploadAttachment upload, OpenAttachment open, DownloadAttachment download,
                                     AttachmentLinks links) {
    }

    /** The inbound ports of offers, orders and the wallet. */
    public record TradeUseCases(PostOffer postOffer, ChangeOffer changeOffer, ListOffers listOffers,
                                PlaceOrder placeOrder, MarkOrderPaid markOrderPaid, CancelOrder cancelOrder,
                                ReleaseEscrow releaseEscrow, AppealOrder appealOrder, ResolveAppeal resolveAppeal,
                                ShowOrders showOrders, ShowAppealConversation showAppealConversation,
                                ShowWallet showWallet, DepositFunds depositFunds) {
    }

    /**
     * Where the web app served at {@code /} finds Socket.IO, and which other sites' pages may call the API.
     *
     * @param publicSocketUrl empty: the host the browser loaded the app from, on {@code socketPort}
     * @param allowedOrigins  origins such as {@code https://app.example.com} answered with CORS; the web app served
     *                        here is same-origin and needs no entry
     * @param agoraCalls      calls go through Agora: the pages may connect to Agora's servers
     */
    public record WebApp(int socketPort, Optional<URI> publicSocketUrl, List<String> allowedOrigins,
                         boolean agoraCalls) {
        public WebApp {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    /**
     * {@code GET /metrics} for Prometheus.
     *
     * @param scrape      the Prometheus text
     * @param port        empty: served on the API's port; else on this port only (0: any free one)
     * @param bearerToken empty: open to whoever reaches the port; else only to {@code Authorization: Bearer <token>}
     */
    public record Metrics(Supplier<String> scrape, OptionalInt port, Optional<String> bearerToken) {
        @Override
        public String toString() {
            return "Metrics[port=" + port + ", token " + (bearerToken.isPresent() ? "set" : "unset") + "]";
        }
    }

    /** The inbound ports of deposits and withdrawals on chain; a server without a chain has none. */
    public record OnChainUseCases(ShowDepositAddress showDepositAddress, ListDeposits listDeposits,
                                  RequestWithdrawal requestWithdrawal, ListWithdrawals listWithdrawals,
                                  ReviewWithdrawals reviewWithdrawals) {
    }

    private final Javalin javalin;
    /** Serves {@code /metrics} alone when it has a port of its own. */
    private final Optional<Javalin> metricsServer;
    private final OptionalInt metricsPort;

    private HttpApi(Javalin javalin, Optional<Javalin> metricsServer, OptionalInt metricsPort) {
        this.javalin = javalin;
        this.metricsServer = metricsServer;
        this.metricsPort = metricsPort;
    }

    /**
     * @param meterRegistry  where each request is timed, per route template, method and status
     * @param trustedProxies IP addresses of the proxies whose {@code X-Forwarded-For} entry names the client
     */
    public static HttpApi create(UseCases useCases, WebApp webApp, Metrics metrics, MeterRegistry meterRegistry,
                                 List<String> trustedProxies) {
        ObjectMapper objectMapper = JsonMapping.objectMapper();
        RequestBodies requestBodies = new RequestBodies(objectMapper);
        BearerAuthentication authentication = new BearerAuthentication(useCases.authenticateToken());
        OperationsRoutes operations = new OperationsRoutes(useCases.checkHealth(), metrics);
        AccountRoutes accounts = new AccountRoutes(useCases.registerAccount(), useCases.logIn(),
                useCases.showMyAccount(), useCases.lookUpAccount(), requestBodies, new ClientAddresses(trustedProxies));
        var sessionCases = useCases.sessions();
        SessionRoutes sessions = new SessionRoutes(sessionCases.refresh(), sessionCases.end(), sessionCases.list(),
                sessionCases.changePassword(), requestBodies);
        var moderationCases = useCases.moderation();
        ModerationRoutes moderation = new ModerationRoutes(moderationCases.blockUsers(), moderationCases.reportUser(),
                moderationCases.banUser(), requestBodies);
        CallRoutes calls = new CallRoutes(useCases.listCalls());
        DeviceRoutes devices = new DeviceRoutes(useCases.registerDevice(), useCases.forgetDevice(), requestBodies);
        var trade = useCases.trade();
        OfferRoutes offers = new OfferRoutes(trade.postOffer(), trade.changeOffer(), trade.listOffers(), requestBodies);
        var files = useCases.attachments();
        OrderRoutes orders = new OrderRoutes(trade, files.links(), requestBodies);
        AttachmentRoutes attachments = new AttachmentRoutes(files.upload(), files.open(), files.links());
        FileRoutes downloads = new FileRoutes(files.download());
        WalletRoutes wallet = new WalletRoutes(trade.showWallet(), trade.depositFunds(), requestBodies);
        OnChainRoutes onChain = new OnChainRoutes(useCases.onChain(), requestBodies);
        RequestMetrics requestMetrics = new RequestMetrics(meterRegistry);
        WebAppRoutes web = new WebAppRoutes(webApp, useCases.onChain().isPresent());
        BrowserRules browsers = new BrowserRules(webApp.allowedOrigins());

        Javalin javalin = Javalin.create(config -> {
            configure(config, objectMapper);
            config.requestLogger.http(requestMetrics::record);
            browsers.addTo(config);
            authentication.addTo(config.routes);
            operations.addTo(config.routes);
            accounts.addTo(config.routes);
            sessions.addTo(config.routes);
            moderation.addTo(config.routes);
            calls.addTo(config.routes);
            devices.addTo(config.routes);
            offers.addTo(config.routes);
            orders.addTo(config.routes);
            wallet.addTo(config.routes);
            attachments.addTo(config.routes);
            downloads.addTo(config.routes);
            onChain.addTo(config.routes);
            web.addTo(config);
        });
        Optional<Javalin> metricsServer = metrics.port().stream().mapToObj(port -> Javalin.create(config -> {
            configure(config, objectMapper);
            new BrowserRules(List.of()).addTo(config);
            operations.addMetricsTo(config.routes);
        })).findFirst();
        return new HttpApi(javalin, metricsServer, metrics.port());
    }

    private static void configure(JavalinConfig config, ObjectMapper objectMapper) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.jsonMapper(new JavalinJackson(objectMapper, false));
        config.jetty.modifyServer(HttpApi::stopGracefully);
        ErrorResponses.addTo(config.routes);
    }

    /** @param port 0 for any free port; {@link #port()} tells which one was taken */
    public void start(int port) {
        metricsServer.ifPresent(server -> server.start(metricsPort.orElseThrow()));
        javalin.start(port);
    }

    public int port() {
        return javalin.port();
    }

    /** The port {@code /metrics} is served on. */
    public int metricsPort() {
        return metricsServer.map(Javalin::port).orElseGet(javalin::port);
    }

    /** Stops accepting connections and lets the requests under way finish, for a few seconds at most. */
    public void stop() {
        javalin.stop();
        metricsServer.ifPresent(Javalin::stop);
    }

    /** For tests that inspect the registered routes. */
    Javalin javalin() {
        return javalin;
    }

    private static void stopGracefully(Server server) {
        // Jetty waits for Graceful components only when a stop timeout is set; the handler counts in-flight requests
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        server.insertHandler(new GracefulHandler());
    }
}
