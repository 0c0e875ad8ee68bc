// One conversation: its messages with ticks, older ones on scrolling up, typing, presence, the composer and Call.
import { ErrorText, clock, html, presenceText, useUniqueId } from "./common.js";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "../../vendor/htm-preact.module.js";
import { AttachInput, AttachmentList } from "./attachments.js";

const TYPING_IDLE_MS = 3000;
const TICKS = { sending: "🕓", sent: "✓", delivered: "✓✓", read: "✓✓", "not sent": "!" };

/** A delivery mark; its accessible name is the status itself: sent, delivered or read. */
export function Tick({ status }) {
  return html`<span class=${`tick tick-${status.replace(" ", "-")}`} role="img" aria-label=${status}>${TICKS[status]}</span>`;
}

/** The messages of a room, oldest first; {@code mine} tells the viewer's own apart. */
export function MessageItems({ messages, mine, nameOf }) {
  return messages.map((message) => {
    if (message.type !== "text") {
      return html`<li key=${message.seq} class="note"><p>${message.text}</p>
        <time datetime=${message.createdAt}>${clock(message.createdAt)}</time></li>`;
    }
    const own = mine(message);
    return html`<li key=${message.seq} class=${own ? "msg mine" : "msg theirs"}>
      <span class="sr-only">${own ? "You" : nameOf(message.senderId)}: </span>
      <${AttachmentList} attachments=${message.attachments} />
      ${message.text && html`<p class="text">${message.text}</p>`}
      <p class="meta"><time datetime=${message.createdAt}>${clock(message.createdAt)}</time>
        ${own && html` <${Tick} status=${message.status} />`}</p>
    </li>`;
  });
}

/**
 * The scrolling log of a conversation: stays at the bottom while the reader is there, keeps its place when older
 * messages come in above, and asks for them when scrolled near the top.
 */
export function MessageLog({ children, firstKey, hasOlder, onOlder, label = "Messages" }) {
  const log = useRef(null);
  const atBottom = useRef(true);
  const fromBottom = useRef(0);
  const shownFirst = useRef(firstKey);
  const loading = useRef(false);

  const older = async () => {
    if (loading.current || !hasOlder) return;
    loading.current = true;
    try {
      await onOlder();
    } finally {
      loading.current = false;
    }
  };
  const scrolled = () => {
    const element = log.current;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    fromBottom.current = element.scrollHeight - element.scrollTop;
    if (element.scrollTop < 60) older();
  };
  useLayoutEffect(() => {
    const element = log.current;
    if (firstKey !== shownFirst.current && shownFirst.current !== undefined && !atBottom.current) {
      element.scrollTop = element.scrollHeight - fromBottom.current; // older ones came in above: keep the place
    } else if (atBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
    shownFirst.current = firstKey;
    fromBottom.current = element.scrollHeight - element.scrollTop;
  });

  return html`<div class="log" role="log" aria-label=${label} tabindex="0" ref=${log} onScroll=${scrolled}>
    ${hasOlder && html`<button type="button" class="quiet older" onClick=${older}>Load older messages</button>`}
    <ol class="messages">${children}</ol>
  </div>`;
}

export function ConversationView({ client, roomId, opponent, onBack, onShowOrder }) {
  const conversation = useMemo(() => client.conversation(roomId), [client, roomId]);
  const [, setTick] = useState(0);
  const [error, setError] = useState(null);
  useEffect(() => {
    const off = conversation.on("change", () => setTick((tick) => tick + 1));
    conversation.open();
    const visibility = () => (document.hidden ? conversation.pause() : conversation.resume());
    addEventListener("visibilitychange", visibility);
    if (document.hidden) conversation.pause();
    return () => {
      off();
      removeEventListener("visibilitychange", visibility);
      conversation.close();
    };
  }, [conversation]);

  const me = client.user.id;
  const stored = new Set(conversation.messages.map((message) => message.clientMessageId));
  const pending = conversation.pending().filter((entry) => !stored.has(entry.clientMessageId));
  const name = opponent?.username ?? "Conversation";

  const call = () => client.startCall(roomId).then(() => setError(null), setError);
  return html`<section class="conversation" aria-label=${`Conversation with ${name}`}>
    <header class="chat-head">
      ${onBack && html`<button type="button" class="quiet when-narrow" onClick=${onBack}>
        <span aria-hidden="true">‹ </span>Back<span class="sr-only"> to conversations</span></button>`}
      <div class="who">
        <h2>${name}</h2>
        <p class="presence" aria-live="polite">${conversation.typing ? `${name} is typing…` : opponent ? presenceText(opponent) : ""}</p>
      </div>
      <button type="button" onClick=${call}>Call</button>
      ${onShowOrder && html`<button type="button" class="when-medium" onClick=${onShowOrder}>Order<span class="sr-only"> details</span></button>`}
    </header>
    <${ErrorText} error=${error ?? conversation.error} />
    <${MessageLog} firstKey=${conversation.messages[0]?.seq} hasOlder=${conversation.hasOlder}
        onOlder=${() => conversation.loadOlder().catch(setError)}>
      ${conversation.loading && html`<li class="note">Loading…</li>`}
      <${MessageItems} messages=${conversation.messages} mine=${(message) => message.senderId === me}
        nameOf=${() => name} />
      ${pending.map((entry) => html`<${PendingItem} key=${entry.clientMessageId} entry=${entry} client=${client} />`)}
    <//>
    <${Composer} conversation=${conversation} />
  </section>`;
}

function PendingItem({ entry, client }) {
  return html`<li class="msg mine pending">
    <span class="sr-only">You: </span>
    ${entry.attachments?.length > 0 && html`<p class="text">${entry.attachments.map((file) => file.name).join(", ")}</p>`}
    ${entry.text && html`<p class="text">${entry.text}</p>`}
    <p class="meta">${entry.failed
      ? html`<${Tick} status="not sent" /> ${entry.failed}
        <button type="button" class="quiet" onClick=${() => client.retry(entry.clientMessageId)}>Try again</button>
        <button type="button" class="quiet" onClick=${() => client.retry(entry.clientMessageId, true)}>Discard</button>`
      : html`<${Tick} status="sending" />`}</p>
  </li>`;
}

function Composer({ conversation }) {
  const id = useUniqueId("message");
  const [text, setText] = useState("");
  const [files, setFiles] = useState([]);
  const idle = useRef(null);
  const send = (event) => {
    event.preventDefault();
    if (!text.trim() && files.length === 0) return;
    conversation.send(text, files);
    setText("");
    setFiles([]);
  };
  const typed = (event) => {
    setText(event.currentTarget.value);
    conversation.setTyping(true);
    clearTimeout(idle.current);
    idle.current = setTimeout(() => conversation.setTyping(false), TYPING_IDLE_MS);
  };
  useEffect(() => () => clearTimeout(idle.current), []);
  const keyDown = (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) send(event);
  };
  return html`<form class="composer" onSubmit=${send}>
    <${AttachInput} label="Attach file" upload=${(file) => conversation.upload(file)} files=${files} onChange=${setFiles} />
    <label for=${id} class="sr-only">Message</label>
    <textarea id=${id} rows="1" maxlength="4000" placeholder="Write a message" value=${text}
      onInput=${typed} onKeyDown=${keyDown} onBlur=${() => conversation.setTyping(false)}></textarea>
    <button type="submit" class="primary">Send</button>
  </form>`;
}
