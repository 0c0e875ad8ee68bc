// The audio of one call with the WebRTC provider (docs/socket-protocol.md, "call-signal"): the caller offers once
// the call is accepted, the callee answers, both send their ICE candidates as they come, through the server. Uses
// the platform's WebRTC and microphone and no DOM: a mobile port swaps in its own WebRTC library here.
import { Emitter } from "./emitter.js";

/** Events: "change" (state, stream or muted changed), "error" (the microphone or the connection failed). */
export class CallMedia extends Emitter {
  #signal;
  #peer = null;
  #microphone = null;
  #opened;
  #ready = new Promise((resolve) => { this.#opened = resolve; });
  #turn = Promise.resolve(); // signals are handled one after the other, once the peer connection exists
  #closed = false;
  #started = false;

  /** "new", then RTCPeerConnection's connectionState: "connecting", "connected", "disconnected", "failed", "closed" */
  state = "new";
  /** The other party's audio, once it arrives. */
  stream = null;
  muted = false;

  /**
   * @param rtc    the call's { iceServers, iceTransportPolicy } from the call-start or call-accept ack
   * @param signal sends { description } or { candidate } to the other party (call-signal)
   */
  constructor(rtc, signal) {
    super();
    this.rtc = rtc;
    this.#signal = signal;
  }

  /** Opens the connection with the microphone; the caller ({@code offering}) then makes the offer. */
  start(offering) {
    if (this.#started) return;
    this.#started = true;
    const opening = this.#open();
    opening.catch((error) => this.#failed(error));
    if (offering) {
      this.#inTurn(async () => {
        await opening;
        const offer = await this.#peer.createOffer();
        await this.#peer.setLocalDescription(offer);
        await this.#signal({ description: { type: offer.type, sdp: offer.sdp } });
      });
    }
  }

  /** A call-signal from the other party: their offer or answer, or one of their candidates. */
  receive({ description, candidate }) {
    this.#inTurn(async () => {
      await this.#ready;
      if (this.#closed) return;
      if (candidate) {
        await this.#peer.addIceCandidate(candidate);
        return;
      }
      await this.#peer.setRemoteDescription(description);
      if (description.type === "offer") {
        const answer = await this.#peer.createAnswer();
        await this.#peer.setLocalDescription(answer);
        await this.#signal({ description: { type: answer.type, sdp: answer.sdp } });
      }
    });
  }

  /** Stops sending sound (the track sends silence) without ending the call. */
  setMuted(muted) {
    this.muted = muted;
    this.#microphone?.getAudioTracks().forEach((track) => { track.enabled = !muted; });
    this.emit("change");
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#peer?.close();
    this.#microphone?.getTracks().forEach((track) => track.stop());
    this.state = "closed";
    this.stream = null;
    this.emit("change");
  }

  async #open() {
    const peer = new RTCPeerConnection({ iceServers: this.rtc.iceServers, iceTransportPolicy: this.rtc.iceTransportPolicy });
    this.#peer = peer;
    peer.onicecandidate = ({ candidate }) => {
      if (candidate?.candidate && !this.#closed) this.#signal({ candidate: candidate.toJSON() }).catch((error) => this.#failed(error));
    };
    peer.ontrack = ({ streams }) => {
      this.stream = streams[0];
      this.emit("change");
    };
    peer.onconnectionstatechange = () => {
      this.state = peer.connectionState;
      this.emit("change");
    };
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
    if (this.#closed) {
      microphone.getTracks().forEach((track) => track.stop());
      return;
    }
    this.#microphone = microphone;
    this.setMuted(this.muted);
    microphone.getAudioTracks().forEach((track) => peer.addTrack(track, microphone));
    this.#opened();
  }

  #inTurn(step) {
    this.#turn = this.#turn.then(step).catch((error) => this.#failed(error));
  }

  #failed(error) {
    if (this.#closed) return;
    this.state = "failed";
    this.emit("error", error);
    this.emit("change");
  }
}
