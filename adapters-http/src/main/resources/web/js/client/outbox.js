// The messages typed but not yet stored by the server, kept in storage so that neither a lost connection nor a
// reload loses them. Each keeps its clientMessageId, so sending it again can never store it twice.

const KEY = "usdt-agent.outbox.";
const RETRY_MS = 2000;
/** Refusals worth another try later; any other refusal marks the message as not sent. */
const TRANSIENT = ["OFFLINE", "TIMEOUT", "INTERNAL", "RATE_LIMITED"];

export class Outbox {
  #storage;
  #onChange;
  #key = null;
  #entries = [];
  #flushing = false;

  constructor(storage, onChange) {
    this.#storage = storage;
    this.#onChange = onChange;
  }

  /** Takes up what this user left unsent. */
  load(userId) {
    this.#key = KEY + userId;
    try {
      this.#entries = JSON.parse(this.#storage.getItem(this.#key)) ?? [];
    } catch {
      this.#entries = [];
    }
  }

  /** Forgets the entries in memory; they stay stored for the user's next sign-in in this tab. */
  unload() {
    this.#key = null;
    this.#entries = [];
  }

  /** @param attachments the uploaded files it carries (Attachment objects, shown while it waits) */
  add(roomId, text, attachments = []) {
    const entry = { roomId, clientMessageId: crypto.randomUUID(), text, attachments, createdAt: new Date().toISOString(), failed: null };
    this.#entries.push(entry);
    this.#save();
    return entry;
  }

  of(roomId) {
    return this.#entries.filter((entry) => entry.roomId === roomId);
  }

  retry(clientMessageId, drop) {
    const entry = this.#entries.find((candidate) => candidate.clientMessageId === clientMessageId);
    if (!entry) return;
    if (drop) this.#forget(clientMessageId);
    else entry.failed = null;
    this.#save();
  }

  /**
   * Sends what waits, in order and one at a time, so a message never overtakes the one typed before it.
   *
   * @param send      sends one entry, resolving with the stored { message }
   * @param connected whether sending is worth trying now
   * @param sent      told of each message the server stored
   */
  async flush(send, connected, sent) {
    if (this.#flushing) return;
    this.#flushing = true;
    let again = false;
    try {
      for (let entry = this.#next(); entry && connected(); entry = this.#next()) {
        try {
          const { message } = await send({ roomId: entry.roomId, clientMessageId: entry.clientMessageId, text: entry.text,
            attachmentIds: (entry.attachments ?? []).map((attachment) => attachment.id) });
          this.#forget(entry.clientMessageId);
          sent(message);
        } catch (error) {
          if (TRANSIENT.includes(error.code)) {
            again = error.code !== "OFFLINE"; // offline: the next connect flushes
            break;
          }
          entry.failed = error.message;
        }
        this.#save();
      }
    } finally {
      this.#flushing = false;
      this.#onChange();
    }
    if (again) setTimeout(() => this.flush(send, connected, sent), RETRY_MS);
  }

  #next() {
    return this.#entries.find((entry) => !entry.failed);
  }

  #forget(clientMessageId) {
    this.#entries = this.#entries.filter((entry) => entry.clientMessageId !== clientMessageId);
  }

  #save() {
    if (this.#key) this.#storage.setItem(this.#key, JSON.stringify(this.#entries));
    this.#onChange();
  }
}
