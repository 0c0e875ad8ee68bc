// One room on screen: its history, older pages, live messages, ticks, typing, and the catch-up after a reconnect.
import { Emitter } from "./emitter.js";

/** The messages of one room on screen, kept current; {@code close()} it when it leaves the screen. */
export class Conversation extends Emitter {
  #client;
  #unsubscribe = [];
  #viewing = false;
  #catchingUp = null;
  #sentTyping = false;

  messages = [];
  error = null;
  hasOlder = false;
  typing = false;
  loading = true;

  constructor(client, roomId) {
    super();
    this.#client = client;
    this.roomId = roomId;
    const mine = (roomId2) => roomId2 === this.roomId;
    this.#unsubscribe.push(
      client.on("message", (message) => mine(message.roomId) && this.#received(message)),
      client.on("sent", (message) => mine(message.roomId) && this.#merge([message])),
      client.on("outbox", () => this.#changed()),
      client.on("message-status", (change) => mine(change.roomId) && this.#status(change)),
      client.on("typing", (notice) => {
        if (mine(notice.roomId) && notice.userId !== client.user.id) {
          this.typing = notice.typing;
          this.#changed();
        }
      }),
      client.on("room", (room) => mine(room.roomId) && this.#viewing && this.#roomChanged(room)),
      client.on("connected", () => this.#viewing && this.#catchUp()),
    );
  }

  /** Loads the newest page and starts viewing the room (the server marks it read). Offline: again once connected. */
  async open() {
    this.#viewing = true;
    try {
      const page = await this.#client.send("chat-history", { roomId: this.roomId, limit: 30 });
      this.hasOlder = page.hasMore;
      this.error = null;
      this.#merge(page.messages);
    } catch (error) {
      if (!["OFFLINE", "TIMEOUT"].includes(error.code)) this.error = error;
    } finally {
      this.loading = false;
      this.#changed();
    }
  }

  async loadOlder() {
    if (!this.hasOlder || this.messages.length === 0) return;
    const page = await this.#client.send("chat-history", { roomId: this.roomId, before: this.messages[0].seq, limit: 30 });
    this.hasOlder = page.hasMore;
    this.#merge(page.messages);
  }

  /** Stops viewing while the tab is hidden, so that what arrives counts as unread; {@link resume} reads it. */
  pause() {
    if (!this.#viewing) return;
    this.#viewing = false;
    this.#client.send("leave-room", { roomId: this.roomId }).catch(() => {});
  }

  resume() {
    if (this.#viewing) return;
    this.#viewing = true;
    this.#catchUp();
  }

  /** @param attachments files uploaded with {@link upload}, sent with the text (which may then be empty) */
  send(text, attachments = []) {
    this.setTyping(false);
    return this.#client.sendMessage(this.roomId, text, attachments);
  }

  /** Uploads a file into this room; resolves with the Attachment to pass to {@link send}. */
  upload(file) {
    return this.#client.uploadAttachment(this.roomId, file);
  }

  /** What is still on its way: typed while offline, waiting for its ack, or refused. */
  pending() {
    return this.#client.outbox(this.roomId);
  }

  setTyping(typing) {
    if (typing === this.#sentTyping) return;
    this.#sentTyping = typing;
    this.#client.send("typing", { roomId: this.roomId, typing }).catch(() => {});
  }

  close() {
    this.#unsubscribe.forEach((off) => off());
    this.pause();
    this.setTyping(false);
  }

  /** Everything after the newest seq held (after a reconnect or a gap); views the room again, so it is read. */
  #catchUp() {
    if (this.messages.length === 0) {
      this.open(); // nothing held yet (opened while offline): the newest page, not everything since seq 0
      return;
    }
    this.#catchingUp ??= (async () => {
      let more = true;
      while (more) {
        const after = this.messages.at(-1)?.seq ?? 0;
        const page = await this.#client.send("chat-history", { roomId: this.roomId, after, limit: 100 });
        this.#merge(page.messages);
        more = page.hasMore;
      }
    })().catch(() => {}).finally(() => { this.#catchingUp = null; });
  }

  #roomChanged(room) {
    // another device of ours sent something: the server tells us only through the room's summary
    if (!this.loading && (room.lastMessage?.seq ?? 0) > (this.messages.at(-1)?.seq ?? 0)) this.#catchUp();
  }

  #received(message) {
    const newest = this.messages.at(-1)?.seq ?? 0;
    if (message.seq > newest + 1 && !this.loading) this.#catchUp(); // missed some: fetch the gap
    this.#merge([message]);
  }

  #merge(messages) {
    const bySeq = new Map(this.messages.map((message) => [message.seq, message]));
    for (const message of messages) bySeq.set(message.seq, message);
    this.messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    this.#changed();
  }

  #status({ userId, status, upToSeq }) {
    // the other member moved their pointer: every message of ours up to there has at least that status
    this.messages = this.messages.map((message) => message.senderId !== userId && message.seq <= upToSeq
      && !(message.status === "read" && status === "delivered") ? { ...message, status } : message);
    this.#changed();
  }

  #changed() {
    this.emit("change");
  }
}
