// Calls: the incoming-call dialog with its ring, the bar of a call under way (length, mute, hang up), and a short
// note when it ends. The audio is the client's call media (WebRTC or Agora), played here by an audio element.
import { ErrorText, duration, html, useClientEvents, useSecondTicks } from "./common.js";
import { useEffect, useRef, useState } from "../../vendor/htm-preact.module.js";

const ENDED_NOTE_MS = 4000;
const ENDINGS = {
  rejected: "Call declined",
  cancelled: "Call cancelled",
  missed: "Missed call",
  failed: "Call failed",
  "answered-elsewhere": "Answered on another device",
};

export function CallLayer({ client }) {
  useClientEvents(client, ["call"]);
  const [error, setError] = useState(null);
  const current = client.call;
  const status = current?.call.status;
  const live = status === "ringing" || status === "accepted";
  useEffect(() => {
    if (!current || live) return undefined;
    const timer = setTimeout(() => client.clearCall(), ENDED_NOTE_MS);
    return () => clearTimeout(timer);
  }, [current?.call.callId, live]);
  useEffect(() => setError(null), [current?.call.callId]);
  if (!current) return null;

  const act = (action) => () => action().catch(setError);
  const { call, direction } = current;
  const other = direction === "in" ? call.caller.username : call.callee.username;
  if (direction === "in" && status === "ringing") {
    return html`<${IncomingCall} caller=${other} error=${error}
      onAccept=${act(() => client.acceptCall())} onDecline=${act(() => client.hangUp())} />`;
  }
  if (!live) {
    const text = status === "ended" ? `Call with ${other} ended · ${duration(call.durationSeconds)}` : ENDINGS[status] ?? "Call over";
    return html`<section class="call-bar ended" aria-label="Call"><p role="status">${text}</p>
      <${ErrorText} error=${error} /></section>`;
  }
  return html`<${CallBar} call=${call} other=${other} error=${error} now=${() => client.now()} media=${client.callMedia}
    onMute=${(muted) => client.muteCall(muted)} onHangUp=${act(() => client.hangUp())} />`;
}

function IncomingCall({ caller, error, onAccept, onDecline }) {
  const dialog = useRef(null);
  useEffect(() => {
    dialog.current.showModal();
    const ringer = ring();
    return () => ringer.stop();
  }, []);
  // Escape does not dismiss a ringing call: Decline says what happens
  return html`<dialog ref=${dialog} class="dialog incoming" aria-labelledby="incoming-call-title"
      onCancel=${(event) => event.preventDefault()}>
    <h2 id="incoming-call-title">Incoming call</h2>
    <p><strong>${caller}</strong> is calling</p>
    <${ErrorText} error=${error} />
    <div class="actions">
      <button type="button" class="primary" onClick=${onAccept}>Accept</button>
      <button type="button" class="danger" onClick=${onDecline}>Decline</button>
    </div>
  </dialog>`;
}

const AUDIO_STATES = { new: "Connecting audio…", connecting: "Connecting audio…", connected: "Audio connected",
  disconnected: "Audio interrupted, reconnecting…", failed: "No audio: the connection failed" };

function CallBar({ call, other, error, now, media, onMute, onHangUp }) {
  const muted = media?.muted ?? false;
  const accepted = call.status === "accepted";
  useSecondTicks(accepted);
  return html`<section class="call-bar" aria-label="Call">
    <p>${accepted ? html`In call with <strong>${other}</strong> · <span role="timer">${
      duration((now() - Date.parse(call.answeredAt)) / 1000)}</span>` : html`Calling <strong>${other}</strong>…`}</p>
    ${accepted && media && html`<p class="muted" role="status">${AUDIO_STATES[media.state] ?? ""}</p>`}
    <${RemoteAudio} stream=${media?.stream} />
    ${accepted && html`<button type="button" aria-pressed=${muted ? "true" : "false"} onClick=${() => onMute(!muted)}>
      Mute</button>`}
    <button type="button" class="danger" onClick=${onHangUp}>Hang up</button>
    <${ErrorText} error=${error} />
  </section>`;
}

/** Plays the other party's audio; no controls of its own: Mute and Hang up are the call's. */
function RemoteAudio({ stream }) {
  const audio = useRef(null);
  useEffect(() => {
    audio.current.srcObject = stream ?? null;
    if (stream) audio.current.play().catch(() => {}); // autoplay may wait for a click; the call goes on regardless
  }, [stream]);
  return html`<audio ref=${audio} autoplay></audio>`;
}

/** A phone's ring from two tones, two seconds apart, until stopped. */
function ring() {
  const AudioContext = window.AudioContext;
  if (!AudioContext) return { stop() {} };
  const audio = new AudioContext();
  const burst = () => {
    const gain = audio.createGain();
    gain.gain.value = 0.08;
    gain.connect(audio.destination);
    for (const frequency of [440, 480]) {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start();
      tone.stop(audio.currentTime + 0.8);
    }
  };
  burst();
  const timer = setInterval(burst, 2000);
  return {
    stop() {
      clearInterval(timer);
      audio.close();
    },
  };
}
