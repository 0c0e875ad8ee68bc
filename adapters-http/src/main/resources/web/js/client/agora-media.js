// The audio of one call with the Agora provider (docs/socket-protocol.md, "Calls"): each side joins the call's
// channel with the appId, channelName, token and uid the server handed out, publishes its microphone and plays the
// other side's audio. Agora's Web SDK (1.6 MB) is imported only once such a call starts. It has CallMedia's
// interface, so the client and the views do not care which carrier a call has; no DOM.
import { Emitter } from "./emitter.js";

const SDK = "../../vendor/agora-rtc-sdk-ng.esm.js";
const SDK_WARNINGS = 2;
// the SDK keeps retrying a channel it cannot reach; a person waits this long before being told there is no audio
const JOIN_DEADLINE_MS = 10_000; // the SDK logs every step at its default level; keep warnings and errors
// the SDK's connection states in RTCPeerConnection's words, which the views show
const STATES = { CONNECTING: "connecting", RECONNECTING: "disconnected", CONNECTED: "connected" };

/** Events: "change" (state, stream or muted changed), "error" (the microphone or Agora failed). */
export class AgoraMedia extends Emitter {
  #renew;
  #client = null;
  #microphone = null;
  #closed = false;
  #started = false;

  /** "new", "connecting", "connected", "disconnected" (reconnecting), "failed" or "closed" */
  state = "new";
  /** The other party's audio, once it arrives. */
  stream = null;
  muted = false;

  /**
   * @param rtc   the call's { appId, channelName, token, uid } from the call-start or call-accept ack
   * @param renew asks the server for a fresh token (call-token-renew); resolves with the new rtc
   */
  constructor(rtc, renew) {
    super();
    this.rtc = rtc;
    this.#renew = renew;
  }

  /** Joins the channel and publishes the microphone; both sides do the same, so {@code offering} does not matter. */
  start() {
    if (this.#started) return;
    this.#started = true;
    this.#join().catch((error) => this.#failed(error));
  }

  /** Agora carries its own signalling: no call-signal comes with it. */
  receive() {}

  /** Stops sending sound without ending the call. */
  setMuted(muted) {
    this.muted = muted;
    this.#microphone?.setMuted(muted).catch((error) => this.#failed(error));
    this.emit("change");
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#microphone?.close();
    this.#client?.leave().catch(() => {}); // leaving a channel never joined, or unreachable, changes nothing
    this.state = "closed";
    this.stream = null;
    this.emit("change");
  }

  async #join() {
    const { default: AgoraRTC } = await import(SDK);
    if (this.#closed) return;
    AgoraRTC.setLogLevel(SDK_WARNINGS);
    const client = AgoraRTC.createClient({ mode: "rtc", codec: "vp8" });
    this.#client = client;
    client.on("connection-state-change", (state) => {
      if (STATES[state] && !this.#closed) this.#show({ state: STATES[state] });
    });
    client.on("user-published", (user, mediaType) => {
      if (mediaType !== "audio") return;
      client.subscribe(user, "audio")
        .then(() => this.#show({ stream: new MediaStream([user.audioTrack.getMediaStreamTrack()]) }))
        .catch((error) => this.#failed(error));
    });
    client.on("user-unpublished", () => this.#show({ stream: null }));
    client.on("token-privilege-will-expire", () => {
      this.#renew().then((rtc) => client.renewToken(rtc.token)).catch((error) => this.#failed(error));
    });
    const { appId, channelName, token, uid } = this.rtc;
    let timer;
    const deadline = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error("Agora's servers cannot be reached")), JOIN_DEADLINE_MS);
    });
    try {
      await Promise.race([client.join(appId, channelName, token, uid), deadline]);
    } catch (error) {
      client.leave().catch(() => {}); // stops the SDK's retries
      throw error;
    } finally {
      clearTimeout(timer);
    }
    const microphone = await AgoraRTC.createMicrophoneAudioTrack();
    if (this.#closed) {
      microphone.close();
      return;
    }
    this.#microphone = microphone;
    await microphone.setMuted(this.muted);
    await client.publish(microphone);
  }

  #show(change) {
    if (this.#closed) return;
    Object.assign(this, change);
    this.emit("change");
  }

  #failed(error) {
    if (this.#closed) return;
    this.state = "failed";
    this.emit("error", error);
    this.emit("change");
  }
}
