// The client of the server's HTTP API and Socket.IO protocol: sessions, requests, the socket, the room list and
// calls, with a conversation and the outbox of unsent messages in client/. No DOM and no views here: this module
// and client/ are the part a mobile team would port.
import { io } from "../vendor/socket.io.esm.min.js";
import { AgoraMedia } from "./client/agora-media.js";
import { CallMedia } from "./client/call-media.js";
import { Conversation } from "./client/conversation.js";
import { Emitter } from "./client/emitter.js";
import { Outbox } from "./client/outbox.js";

export { Conversation };

const ACK_TIMEOUT_MS = 10_000;
const SESSION_KEY = "usdt-agent.session";

/** A refusal in the contract's shape: { code, message, details: [{ field, message }] }. */
export class ApiError extends Error {
  constructor(code, message, details = [], status = 0) {
    super(message);
    this.code = code;
    this.details = details;
    this.status = status;
  }
}

/**
 * One signed-in person's connection to the server. Events: "session" (signed in or out), "connection" (its state),
 * "connected" (also after a reconnect), "rooms", "room" (one room's summary changed), "message" (a new message
 * from someone else), "message-status", "typing", "sent" (one of ours was stored), "outbox", "order", "call"
 * (also when its audio's state or stream changes), "presence", "wallet" (USDT moved on chain).
 */
export class Client extends Emitter {
  #storage;
  #session = null;
  #socket = null;
  #refreshing = null;
  #socketRefreshed = false;
  #clockOffset = 0;
  #outbox;
  #pendingAcks = new Set();
  #media = null;
  #config = null;

  rooms = new Map();
  roomQuery = { search: "", page: 1, hasMore: false, total: 0 };
  connection = "offline";
  call = null;

  /** @param storage where the session and the outbox live: sessionStorage in the browser (see README) */
  constructor(storage) {
    super();
    this.#storage = storage;
    this.#session = read(storage, SESSION_KEY);
    this.#outbox = new Outbox(storage, () => this.emit("outbox"));
    if (this.#session) this.#outbox.load(this.#session.user.id);
  }

  get user() {
    return this.#session?.user ?? null;
  }

  /** Now, on the server's clock as far as its Date headers tell, for countdowns. */
  now() {
    return Date.now() + this.#clockOffset;
  }

  // ---- accounts --------------------------------------------------------------------------------------------

  async register({ username, phone, password, role }) {
    this.#signedIn(await this.request("POST", "/api/auth/register", { body: { username, phone, password, role }, auth: false }));
  }

  async logIn(login, password) {
    this.#signedIn(await this.request("POST", "/api/auth/login", { body: { login, password }, auth: false }));
  }

  /** Ends this session on the server too (its tokens stop working there at once), then forgets it here. */
  signOut() {
    if (this.#session) this.request("POST", "/api/auth/logout", { body: {}, retried: true }).catch(() => {});
    this.#forget();
  }

  /** Forgets the session here only: when the server has ended it already. */
  #forget() {
    if (!this.#session) return;
    this.#socket?.disconnect();
    this.#socket = null;
    this.#session = null;
    this.#storage.removeItem(SESSION_KEY);
    this.rooms.clear();
    this.roomQuery = { search: "", page: 1, hasMore: false, total: 0 };
    this.call = null;
    this.#endMedia();
    this.#outbox.unload();
    this.#setConnection("offline");
    this.emit("session", null);
  }

  /** A registration, a login, or a refresh (which keeps the user it was for). */
  #signedIn(answer) {
    const user = answer.user ?? this.#session.user;
    const newcomer = this.#session?.user.id !== user.id;
    this.#session = { token: answer.token, refreshToken: answer.refreshToken, user };
    this.#storage.setItem(SESSION_KEY, JSON.stringify(this.#session));
    if (newcomer) {
      this.#outbox.load(user.id);
      this.emit("session", this.user);
    }
  }

  /** A new access token from the refresh token, once for all callers that found theirs expired at the same time. */
  async #refresh() {
    if (!this.#session?.refreshToken) return false;
    this.#refreshing ??= this.request("POST", "/api/auth/refresh",
      { body: { refreshToken: this.#session.refreshToken }, auth: false })
      .then((answer) => {
        if (!this.#session) return false; // signed out meanwhile
        this.#signedIn(answer);
        return true;
      }, () => false)
      .finally(() => { this.#refreshing = null; });
    return this.#refreshing;
  }

  // ---- HTTP ------------------------------------------------------------------------------------------------

  async request(method, path, { body, idempotencyKey, auth = true, retried = false } = {}) {
    const headers = {};
    const jsonBody = body !== undefined && !(body instanceof FormData); // a FormData sets its own multipart type
    if (jsonBody) headers["Content-Type"] = "application/json";
    if (auth && this.#session) headers.Authorization = `Bearer ${this.#session.token}`;
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    let response;
    try {
      response = await fetch(path, { method, headers, body: jsonBody ? JSON.stringify(body) : body });
    } catch {
      throw new ApiError("NETWORK", "The server cannot be reached. Check the connection and try again.");
    }
    const date = Date.parse(response.headers.get("Date"));
    if (!Number.isNaN(date)) this.#clockOffset = date - Date.now();
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.ok) return json;
    if (response.status === 401 && auth && !retried) {
      if (await this.#refresh()) return this.request(method, path, { body, idempotencyKey, auth, retried: true });
      this.#forget();
    }
    const error = json?.error ?? { code: "INTERNAL", message: `The server answered ${response.status}` };
    throw new ApiError(error.code, error.message, error.details ?? [], response.status);
  }

  offers({ side, fiatCurrency, usdtAmount } = {}) {
    return this.request("GET", "/api/offers" + query({ side, fiatCurrency, usdtAmount })).then((a) => a.offers);
  }
  myOffers() { return this.request("GET", "/api/me/offers").then((a) => a.offers); }
  postOffer(terms) { return this.request("POST", "/api/offers", { body: terms }); }
  changeOffer(id, changes) { return this.request("PATCH", `/api/offers/${id}`, { body: changes }); }
  placeOrder(offerId, usdtAmount, idempotencyKey) {
    return this.request("POST", "/api/orders", { body: { offerId, usdtAmount }, idempotencyKey });
  }
  order(id) { return this.request("GET", `/api/orders/${id}`); }
  /** The caller's orders, optionally only those in one status or made in one conversation. */
  orders({ status, roomId } = {}) { return this.request("GET", "/api/orders" + query({ status, roomId })).then((a) => a.orders); }
  /** step: "paid", "cancel" or "release" */
  orderStep(id, step) { return this.request("POST", `/api/orders/${id}/${step}`, { body: {} }); }
  /** An appeal with its statement and the files (uploaded to the order's room) that back it. */
  appeal(id, reason, attachmentIds = []) {
    return this.request("POST", `/api/orders/${id}/appeal`, { body: { reason, attachmentIds } });
  }
  /** Uploads one file into a room; resolves with its Attachment, to be sent in a message or an appeal. */
  uploadAttachment(roomId, file) {
    const form = new FormData();
    form.append("file", file, file.name);
    return this.request("POST", `/api/rooms/${roomId}/attachments`, { body: form }).then((a) => a.attachment);
  }
  /** outcome: "RELEASE" (to the buyer) or "REFUND" (to the seller) */
  resolveAppeal(id, outcome) { return this.request("POST", `/api/admin/orders/${id}/resolve`, { body: { outcome } }); }
  appealConversation(id, before) {
    return this.request("GET", `/api/admin/orders/${id}/messages` + query({ before }));
  }
  wallet() { return this.request("GET", "/api/wallet"); }
  walletEntries(before) { return this.request("GET", "/api/wallet/entries" + query({ before })).then((a) => a.entries); }
  /** What the server tells the app: { socketUrl, onChain }; asked once, again only after a failure. */
  appConfig() {
    this.#config ??= this.request("GET", "/app-config.json", { auth: false })
      .catch((error) => { this.#config = null; throw error; });
    return this.#config;
  }
  // on chain: every route answers 409 INVALID_STATE when the server has no chain (appConfig().onChain is false)
  depositAddress() { return this.request("GET", "/api/wallet/deposit-address"); }
  deposits() { return this.request("GET", "/api/wallet/deposits").then((a) => a.deposits); }
  withdrawals() { return this.request("GET", "/api/wallet/withdrawals").then((a) => a.withdrawals); }
  /** One withdrawal per idempotencyKey: a retry of the same submission gets the same withdrawal back. */
  withdraw(address, amount, idempotencyKey) {
    return this.request("POST", "/api/wallet/withdrawals", { body: { address, amount }, idempotencyKey });
  }
  withdrawalsToReview(status) {
    return this.request("GET", "/api/admin/withdrawals" + query({ status })).then((a) => a.withdrawals);
  }
  /** decision: "approve" or "reject" */
  reviewWithdrawal(id, decision) { return this.request("POST", `/api/admin/withdrawals/${id}/${decision}`); }
  findUser(username) {
    return this.request("GET", "/api/admin/users" + query({ username })).then((a) => a.users[0] ?? null);
  }
  deposit(userId, amount, reference) {
    return this.request("POST", `/api/admin/wallets/${userId}/deposit`, { body: { amount, reference } });
  }

  // ---- the socket ------------------------------------------------------------------------------------------

  /** Connects (once) to where /app-config.json says Socket.IO listens; reconnects by itself after a drop. */
  async connect() {
    if (this.#socket || !this.#session) return;
    const { socketUrl } = await this.appConfig();
    if (!this.#session || this.#socket) return;
    const socket = io(socketUrl, {
      auth: (send) => send({ token: this.#session?.token }), // read at every (re)connect: a refreshed token is used
      transports: ["websocket", "polling"],
      tryAllTransports: true,
    });
    this.#socket = socket;
    this.#setConnection("connecting");
    socket.on("connect", () => this.#connected());
    socket.on("disconnect", (reason) => {
      this.#failPendingAcks();
      this.#setConnection("offline");
      // the server ended this session (logout elsewhere, a ban, a reused refresh token): a refresh tells which
      if (reason === "io server disconnect") this.#reconnectRefreshed(socket);
    });
    socket.on("connect_error", (error) => {
      // a network error: socket.io-client tries again by itself
      if (error.data?.code === "UNAUTHORIZED") this.#reconnectRefreshed(socket);
    });
    socket.on("chat-room-list", (page) => this.#roomPage(page));
    socket.on("reload-chat-list", ({ room }) => this.#upsertRoom(room));
    socket.on("get-one-room", ({ room }) => this.#upsertRoom(room));
    socket.on("new-message", ({ message }) => this.emit("message", message));
    socket.on("message-status", (change) => this.emit("message-status", change));
    socket.on("typing", (notice) => this.emit("typing", notice));
    socket.on("presence", (presence) => this.#presence(presence));
    socket.on("order-updated", ({ order }) => this.emit("order", order));
    socket.on("wallet-updated", (balance) => this.emit("wallet", balance));
    socket.on("incoming-call", ({ call }) => this.#setCall(call, "in"));
    for (const event of ["call-accepted", "call-rejected", "call-cancelled", "call-ended", "call-missed"]) {
      socket.on(event, ({ call }) => this.#setCall(call));
    }
    socket.on("call-signal", (signal) => {
      if (signal.callId === this.call?.call.callId) this.#media?.receive(signal);
    });
    socket.on("call-answered-elsewhere", ({ callId }) => {
      if (this.call?.call.callId === callId) this.#setCall({ ...this.call.call, status: "answered-elsewhere" });
    });
  }

  /** Connects again with a refreshed token, once until a connect succeeds; else signs out here. */
  async #reconnectRefreshed(socket) {
    const first = !this.#socketRefreshed;
    this.#socketRefreshed = true;
    if (first && await this.#refresh()) socket.connect();
    else this.#forget();
  }

  #connected() {
    this.#socketRefreshed = false;
    this.#setConnection("online");
    this.emit("connected");
    if (this.roomQuery.search || this.roomQuery.page > 1) this.listRooms(this.roomQuery.search).catch(() => {});
    this.#flush();
  }

  #setConnection(state) {
    this.connection = state;
    this.emit("connection", state);
  }

  /** Emits an event and resolves with its ack's data; rejects with an ApiError on a refusal, a timeout or a drop. */
  send(event, payload) {
    if (!this.#socket?.connected) {
      return Promise.reject(new ApiError("OFFLINE", "Not connected to the server"));
    }
    return new Promise((resolve, reject) => {
      const pending = { reject };
      this.#pendingAcks.add(pending);
      this.#socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (timedOut, ack) => {
        this.#pendingAcks.delete(pending);
        if (timedOut) reject(new ApiError("TIMEOUT", "The server did not answer in time"));
        else if (ack.ok) resolve(ack.data);
        else reject(new ApiError(ack.error.code, ack.error.message, ack.error.details));
      });
    });
  }

  #failPendingAcks() {
    for (const pending of this.#pendingAcks) pending.reject(new ApiError("OFFLINE", "The connection was lost"));
    this.#pendingAcks.clear();
  }

  // ---- rooms -----------------------------------------------------------------------------------------------

  /** The first page of rooms whose opponent matches {@code search}, or the next page with {@code more}. */
  async listRooms(search = "", more = false) {
    const page = more ? this.roomQuery.page + 1 : 1;
    const answer = await this.send("chat-room-list", { search, page, limit: 20 });
    this.roomQuery = { search, page, hasMore: answer.hasMore, total: answer.total };
    if (!more) this.rooms.clear();
    answer.rooms.forEach((room) => this.rooms.set(room.roomId, room));
    this.emit("rooms");
  }

  /** The rooms newest activity first. */
  roomList() {
    return [...this.rooms.values()].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  }

  unreadTotal() {
    let total = 0;
    for (const room of this.rooms.values()) total += room.unreadCount;
    return total;
  }

  #roomPage(page) {
    if (page.page !== 1 || this.roomQuery.search) return; // the answer to our own request is handled by listRooms
    this.roomQuery = { search: "", page: 1, hasMore: page.hasMore, total: page.total };
    this.rooms.clear();
    page.rooms.forEach((room) => this.rooms.set(room.roomId, room));
    this.emit("rooms");
  }

  #upsertRoom(room) {
    const search = this.roomQuery.search.toLowerCase();
    if (this.rooms.has(room.roomId) || room.opponent.username.toLowerCase().includes(search)) {
      this.rooms.set(room.roomId, room);
      this.emit("rooms");
    }
    this.emit("room", room);
  }

  #presence({ userId, online, lastSeenAt }) {
    for (const room of this.rooms.values()) {
      if (room.opponent.id === userId) room.opponent = { ...room.opponent, online, lastSeenAt };
    }
    this.emit("presence", { userId, online, lastSeenAt });
    this.emit("rooms");
  }

  /** A room being looked at: its messages, kept current. Call {@code close()} when it leaves the screen. */
  conversation(roomId) {
    return new Conversation(this, roomId);
  }

  // ---- the outbox: messages typed but not yet acknowledged ------------------------------------------------

  /** Queues a message and sends it as soon as the socket is connected; a resend reuses its clientMessageId. */
  sendMessage(roomId, text, attachments = []) {
    const entry = this.#outbox.add(roomId, text, attachments);
    this.#flush();
    return entry;
  }

  outbox(roomId) {
    return this.#outbox.of(roomId);
  }

  /** Tries a refused message once more, or drops it. */
  retry(clientMessageId, drop = false) {
    this.#outbox.retry(clientMessageId, drop);
    this.#flush();
  }

  #flush() {
    this.#outbox.flush((entry) => this.send("send-message", entry), () => this.#socket?.connected,
      (message) => this.emit("sent", message));
  }

  // ---- calls -----------------------------------------------------------------------------------------------

  /** The audio of the call under way (WebRTC provider): its state, the other party's stream, muted or not. */
  get callMedia() {
    return this.#media;
  }

  async startCall(roomId) {
    const { call, rtc } = await this.send("call-start", { roomId });
    this.#setCall(call, "out");
    this.#prepareMedia(rtc); // the offer goes out once the callee accepts
  }

  async acceptCall() {
    const { call, rtc } = await this.send("call-accept", { callId: this.call.call.callId });
    this.#setCall(call);
    this.#prepareMedia(rtc);
    this.#media.start(false); // the callee answers the caller's offer (with Agora: joins the channel)
  }

  /** Declines a ringing incoming call, cancels a ringing outgoing one, ends one under way. */
  async hangUp() {
    const { call, direction } = this.call;
    const event = call.status === "accepted" ? "call-end" : direction === "in" ? "call-reject" : "call-cancel";
    const answer = await this.send(event, { callId: call.callId });
    this.#setCall(answer.call);
  }

  muteCall(muted) {
    this.#media?.setMuted(muted);
  }

  /** Forgets a finished call once it has been shown. */
  clearCall() {
    if (this.call && !["ringing", "accepted"].includes(this.call.call.status)) {
      this.call = null;
      this.emit("call", null);
    }
  }

  #setCall(call, direction) {
    if (!direction && this.call?.call.callId !== call.callId) return;
    this.call = { call, direction: direction ?? this.call.direction };
    if (!["ringing", "accepted"].includes(call.status)) this.#endMedia();
    else if (call.status === "accepted" && this.call.direction === "out") this.#media?.start(true);
    this.emit("call", this.call);
  }

  /** The call's audio, carried as the server's provider says: AgoraMedia or CallMedia (WebRTC), one interface. */
  #prepareMedia(rtc) {
    this.#endMedia();
    const callId = this.call.call.callId;
    const media = rtc?.provider === "agora"
      ? new AgoraMedia(rtc, () => this.send("call-token-renew", { callId }).then((answer) => answer.rtc))
      : new CallMedia(rtc, (content) => this.send("call-signal", { callId, ...content }));
    media.on("change", () => this.emit("call", this.call));
    this.#media = media;
    if (this.call.call.status === "accepted" && this.call.direction === "out") media.start(true); // accepted already
  }

  #endMedia() {
    this.#media?.close();
    this.#media = null;
  }
}

function query(params) {
  const present = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== "");
  return present.length ? "?" + new URLSearchParams(present).toString() : "";
}

function read(storage, key) {
  try {
    return JSON.parse(storage.getItem(key));
  } catch {
    return null;
  }
}
