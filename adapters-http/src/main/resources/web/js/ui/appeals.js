// The admins' appeals: the queue, and one appeal with its order, its evidence and the whole conversation.
import { ConfirmAction, ErrorText, OrderStatus, dateAndTime, html, useLoad, usdt } from "./common.js";
import { useEffect, useState } from "../../vendor/htm-preact.module.js";
import { MessageLog } from "./conversation.js";
import { AttachmentList } from "./attachments.js";

export function AppealsPage({ client, orderId }) {
  const queue = useLoad(() => client.orders({ status: "APPEAL" }), []);
  return html`<div class="appeals" data-pane=${orderId ? "appeal" : "list"}>
    <section class="queue" aria-labelledby="appeals-title">
      <div class="page-head">
        <h1 id="appeals-title">Appeals</h1>
        <button type="button" class="quiet" onClick=${queue.reload}>Refresh</button>
      </div>
      <${ErrorText} error=${queue.error} />
      <ul class="cards" aria-label="Appeals">
        ${(queue.value ?? []).map((order) => html`<li key=${order.id}>
          <a class="card-link" href=${`#/appeals/${order.id}`} aria-current=${order.id === orderId ? "page" : undefined}>
            <strong>${usdt(order.usdtAmount)}</strong>
            <span>${order.buyer.username} (buyer) and ${order.seller.username} (seller)</span>
            <span class="muted">appealed ${dateAndTime(order.appeal.openedAt)}</span>
          </a></li>`)}
      </ul>
      ${queue.value?.length === 0 && html`<p class="muted">No appeal is waiting.</p>`}
    </section>
    ${orderId ? html`<${AppealView} key=${orderId} client=${client} orderId=${orderId} onSettled=${queue.reload} />`
      : html`<section class="appeal empty" aria-label="No appeal open"><p class="muted">Choose an appeal.</p></section>`}
  </div>`;
}

function AppealView({ client, orderId, onSettled }) {
  const order = useLoad(() => client.order(orderId), [orderId]);
  const resolve = (outcome) => async () => {
    order.set(await client.resolveAppeal(orderId, outcome));
    onSettled();
  };
  if (order.error) return html`<section class="appeal"><${ErrorText} error=${order.error} /></section>`;
  if (!order.value) return html`<section class="appeal"><p class="muted">Loading…</p></section>`;
  const { buyer, seller, appeal } = order.value;
  const by = appeal && (appeal.by === buyer.id ? `${buyer.username} (buyer)` : `${seller.username} (seller)`);

  return html`<section class="appeal" aria-labelledby="appeal-title">
    <a class="when-narrow" href="#/appeals"><span aria-hidden="true">‹ </span>Back to appeals</a>
    <h2 id="appeal-title">${usdt(order.value.usdtAmount)} from ${seller.username} to ${buyer.username}</h2>
    <p>Status: <${OrderStatus} status=${order.value.status} /></p>
    <dl class="facts">
      <div><dt>Buyer pays</dt><dd>${order.value.fiatAmount} ${order.value.fiatCurrency} at ${order.value.price}</dd></div>
      <div><dt>Placed</dt><dd>${dateAndTime(order.value.createdAt)}</dd></div>
      ${order.value.paidAt && html`<div><dt>Marked paid</dt><dd>${dateAndTime(order.value.paidAt)}</dd></div>`}
    </dl>
    ${appeal && html`<section class="evidence" aria-labelledby="evidence-title">
      <h3 id="evidence-title">Evidence</h3>
      <p>Statement by ${by}, ${dateAndTime(appeal.openedAt)}:</p>
      <blockquote>${appeal.reason}</blockquote>
      <${AttachmentList} attachments=${appeal.attachments} />
    </section>`}
    ${order.value.status === "APPEAL" && html`<div class="steps">
      <${ConfirmAction} label="Release to buyer" onConfirm=${resolve("RELEASE")}
        question=${`Give the ${usdt(order.value.usdtAmount)} in escrow to ${buyer.username}?`} confirmLabel="Yes, release to the buyer" />
      <${ConfirmAction} label="Refund seller" kind="danger" onConfirm=${resolve("REFUND")}
        question=${`Return the ${usdt(order.value.usdtAmount)} in escrow to ${seller.username}?`} confirmLabel="Yes, refund the seller" />
    </div>`}
    <section aria-labelledby="conversation-title">
      <h3 id="conversation-title">Conversation</h3>
      <${AppealConversation} client=${client} orderId=${orderId} buyer=${buyer} seller=${seller} />
    </section>
  </section>`;
}

/** Read over HTTP: an admin is no member of the room, and reading it marks nothing read. */
function AppealConversation({ client, orderId, buyer, seller }) {
  const [page, setPage] = useState({ messages: [], hasMore: false });
  const [error, setError] = useState(null);
  useEffect(() => {
    client.appealConversation(orderId).then(setPage, setError);
  }, [orderId]);
  const older = () => client.appealConversation(orderId, page.messages[0].seq)
    .then((older) => setPage({ messages: [...older.messages, ...page.messages], hasMore: older.hasMore }), setError);
  const nameOf = (id) => (id === buyer.id ? `${buyer.username} (buyer)` : `${seller.username} (seller)`);
  return html`<${ErrorText} error=${error} />
    <${MessageLog} label="Messages" firstKey=${page.messages[0]?.seq} hasOlder=${page.hasMore} onOlder=${older}>
      ${page.messages.map((message) => html`<li key=${message.seq}
          class=${message.type !== "text" ? "note" : message.senderId === buyer.id ? "msg theirs" : "msg mine"}>
        ${message.type === "text" && html`<p class="sender">${nameOf(message.senderId)}</p>`}
        <${AttachmentList} attachments=${message.attachments} />
        ${message.text && html`<p class="text">${message.text}</p>`}
        <p class="meta"><time datetime=${message.createdAt}>${dateAndTime(message.createdAt)}</time>
          ${message.type === "text" && html` <span class="muted">${message.status}</span>`}</p>
      </li>`)}
    <//>`;
}
