// A minimal voice client on the call events of docs/socket-protocol.md: the caller offers after call-accepted,
// the callee answers, both trickle their ICE candidates through call-signal. Driven by WebRtcCallTest.
import { io } from "/vendor/socket.io.esm.min.js";

let socket;
let callId;
let rtc;
let pc;
let peerOpened;
const peerReady = new Promise((resolve) => { peerOpened = resolve; });
// signals are handled one after the other, and only once this side's connection exists
let signals = Promise.resolve();

const phone = {
  incoming: null,
  received: [],
  errors: [],

  connect(url, token) {
    return new Promise((resolve, reject) => {
      socket = io(url, { auth: { token }, transports: ["websocket"] });
      socket.on("connect", () => resolve());
      socket.on("connect_error", (e) => reject(new Error(e.message)));
      socket.on("error", (e) => phone.errors.push(`${e.event}: ${e.code} ${e.message}`));
      socket.on("incoming-call", ({ call }) => { phone.incoming = call; });
      socket.on("call-accepted", () => inTurn(offer));
      socket.on("call-signal", (signal) => {
        phone.received.push(signal);
        inTurn(() => receive(signal));
      });
    });
  },

  async start(roomId) {
    const ack = await emit("call-start", { roomId });
    callId = ack.call.callId;
    rtc = ack.rtc;
    return ack;
  },

  async accept() {
    const ack = await emit("call-accept", { callId: phone.incoming.callId });
    callId = ack.call.callId;
    rtc = ack.rtc;
    await openPeer();
    return ack;
  },

  /** What the test checks: the connection's state, the audio bytes each way and the selected candidate pair. */
  async stats() {
    const result = { connectionState: pc ? pc.connectionState : "none", bytesSent: 0, bytesReceived: 0 };
    if (!pc) {
      return result;
    }
    const report = await pc.getStats();
    report.forEach((s) => {
      if (s.type === "outbound-rtp" && s.kind === "audio") result.bytesSent += s.bytesSent;
      if (s.type === "inbound-rtp" && s.kind === "audio") result.bytesReceived += s.bytesReceived;
      if (s.type === "transport" && s.selectedCandidatePairId) {
        const pair = report.get(s.selectedCandidatePairId);
        result.localCandidateType = report.get(pair.localCandidateId).candidateType;
        result.remoteCandidateType = report.get(pair.remoteCandidateId).candidateType;
      }
    });
    return result;
  },
};
window.phone = phone;

function emit(event, payload) {
  return new Promise((resolve, reject) => socket.emit(event, payload, (ack) =>
    ack.ok ? resolve(ack.data) : reject(new Error(`${event}: ${ack.error.code} ${ack.error.message}`))));
}

function inTurn(step) {
  signals = signals.then(step).catch((e) => phone.errors.push(String(e)));
}

function signal(content) {
  return emit("call-signal", { callId, ...content });
}

async function openPeer() {
  pc = new RTCPeerConnection({ iceServers: rtc.iceServers, iceTransportPolicy: rtc.iceTransportPolicy });
  pc.onicecandidate = ({ candidate }) => {
    if (candidate && candidate.candidate) {
      signal({ candidate: candidate.toJSON() }).catch((e) => phone.errors.push(String(e)));
    }
  };
  pc.ontrack = ({ streams }) => { document.getElementById("remote").srcObject = streams[0]; };
  const microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
  microphone.getTracks().forEach((track) => pc.addTrack(track, microphone));
  peerOpened();
}

async function offer() {
  await openPeer();
  const description = await pc.createOffer();
  await pc.setLocalDescription(description);
  await signal({ description: { type: description.type, sdp: description.sdp } });
}

async function receive({ description, candidate }) {
  await peerReady;
  if (candidate) {
    await pc.addIceCandidate(candidate);
    return;
  }
  await pc.setRemoteDescription(description);
  if (description.type === "offer") {
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    await signal({ description: { type: answer.type, sdp: answer.sdp } });
  }
}
