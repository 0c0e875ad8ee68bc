// Small pieces the pages share: hooks on the client, the hash route, formatting, form fields and confirmations.
import { html, useEffect, useRef, useState } from "../../vendor/htm-preact.module.js";

export { html };

/** Re-renders the component whenever the client emits one of these events. */
export function useClientEvents(client, types) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const offs = types.map((type) => client.on(type, () => setTick((tick) => tick + 1)));
    return () => offs.forEach((off) => off());
  }, [client, types.join()]);
}

/** Runs {@code handler} on each of the client's events of this type. */
export function useClientEvent(client, type, handler) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => client.on(type, (...args) => latest.current(...args)), [client, type]);
}

/** The page and the id after it in the location's hash: "#/orders/42" -> { page: "orders", id: "42" }. */
export function useRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  const [page = "", id = null] = hash.replace(/^#\/?/, "").split("/");
  return { page, id };
}

export function navigate(path) {
  location.hash = path;
}

/** A value loaded once per change of {@code deps}, with its error; {@code reload} loads it again. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ value: undefined, error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then((value) => current && setState({ value, error: null, loading: false }),
      (error) => current && setState({ value: undefined, error, loading: false }));
    return () => { current = false; };
  }, [...deps, generation]);
  return { ...state, reload: () => setGeneration((n) => n + 1), set: (value) => setState({ value, error: null, loading: false }) };
}

let idCounter = 0;

/** An id unique in the page, stable for the component's life: for label-for and aria-describedby. */
export function useUniqueId(prefix) {
  const id = useRef(null);
  id.current ??= `${prefix}-${++idCounter}`;
  return id.current;
}

/** A labelled control; the server's message about this field, if any, is shown under it and read with it. */
export function Field({ label, name, error, type = "text", as = "input", hint, children, ...rest }) {
  const id = useUniqueId(name);
  const message = error?.details?.find((detail) => about(detail.field, name))?.message;
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const attributes = { id, name, "aria-invalid": message ? "true" : undefined, "aria-describedby": describedBy, ...rest };
  const control = as === "textarea" ? html`<textarea ...${attributes}></textarea>`
    : as === "select" ? html`<select ...${attributes}>${children}</select>`
      : html`<input type=${type} ...${attributes} />`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${control}
    ${hint && html`<p class="hint" id=${`${id}-hint`}>${hint}</p>`}
    ${message && html`<p class="field-error" id=${`${id}-error`}>${message}</p>`}
  </div>`;
}

/** Whether the server's detail is about this field, or an item of it ("paymentMethods[0]"). */
function about(field, name) {
  return field === name || field?.startsWith(`${name}[`) || field?.startsWith(`${name}.`);
}

/** A refusal or failure, read out as soon as it appears; the details the form's fields show are left to them. */
export function ErrorText({ error, fields = [] }) {
  if (!error) return null;
  const details = (error.details ?? []).filter((detail) => detail.field && !fields.some((name) => about(detail.field, name)));
  return html`<div class="error" role="alert">
    <p>${error.message}</p>
    ${details.length > 0 && html`<ul>${details.map((detail) => html`<li key=${detail.field}>${detail.field}: ${detail.message}</li>`)}</ul>`}
  </div>`;
}

/** A button for a step that moves money or ends something: asks once more before doing it. */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, kind = "primary" }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const confirmButton = useRef(null);
  useEffect(() => { if (asking) confirmButton.current?.focus(); }, [asking]);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  if (!asking) {
    return html`<div class="confirm"><button type="button" class=${kind} onClick=${() => setAsking(true)}>${label}</button></div>`;
  }
  return html`<div class="confirm asking" role="group" aria-label=${question}>
    <p>${question}</p>
    <div class="actions">
      <button type="button" class=${kind} ref=${confirmButton} disabled=${busy} onClick=${confirm}>${confirmLabel}</button>
      <button type="button" class="quiet" disabled=${busy} onClick=${() => setAsking(false)}>Not now</button>
    </div>
    <${ErrorText} error=${error} />
  </div>`;
}

const STATUS_WORDS = {
  PENDING_PAYMENT: "Waiting for payment",
  PAID: "Paid, waiting for release",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  APPEAL: "Under appeal",
  REFUNDED: "Refunded to the seller",
};

/** The status in words, with the contract's word beside it. */
export function OrderStatus({ status }) {
  return html`<span class=${`status status-${status.toLowerCase()}`}>${STATUS_WORDS[status] ?? status} <code>${status}</code></span>`;
}

export function usdt(amount) {
  return `${amount} USDT`;
}

export function clock(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function dateAndTime(iso) {
  return new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

/** 75 -> "1:15", 3700 -> "1:01:40" */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, "0");
  return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}

/** Re-renders every second while {@code running}, for countdowns and call lengths. */
export function useSecondTicks(running) {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
}

/** "Online" or when last seen. */
export function presenceText(contact) {
  if (contact.online) return "online";
  return contact.lastSeenAt ? `last seen ${dateAndTime(contact.lastSeenAt)}` : "offline";
}
