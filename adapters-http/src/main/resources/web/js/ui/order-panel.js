// The order beside a conversation: status, amounts, payment method, the time left to pay, and the steps the
// viewer may take. The server decides every step; the panel only offers the buttons the contract gives each party.
import {
  ConfirmAction, ErrorText, Field, OrderStatus, dateAndTime, duration, html, useClientEvent, useLoad, useSecondTicks, usdt,
} from "./common.js";
import { useEffect, useState } from "../../vendor/htm-preact.module.js";
import { AttachInput, AttachmentList } from "./attachments.js";

const OPEN = ["PENDING_PAYMENT", "PAID", "APPEAL"];

/** The room's orders (or the one asked for), kept current by order-updated. */
export function OrderPanel({ client, roomId, orderId, onBackToChat }) {
  const loaded = useLoad(async () => (orderId ? [await client.order(orderId)] : client.orders({ roomId })), [roomId, orderId]);
  const [orders, setOrders] = useState([]);
  useEffect(() => setOrders(loaded.value ?? []), [loaded.value]);
  useClientEvent(client, "order", (order) => {
    if (order.roomId !== roomId) return;
    setOrders((known) => [order, ...known.filter((other) => other.id !== order.id)]
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)));
  });
  const current = orderId ? orders.find((order) => order.id === orderId)
    : orders.find((order) => OPEN.includes(order.status)) ?? orders[0];
  const earlier = orders.filter((order) => order !== current);

  return html`<aside class="order-panel" aria-label="Order">
    ${onBackToChat && html`<button type="button" class="quiet when-medium" onClick=${onBackToChat}>
      <span aria-hidden="true">‹ </span>Back to chat</button>`}
    <${ErrorText} error=${loaded.error} />
    ${current ? html`<${OrderDetails} key=${current.id} client=${client} order=${current}
        changed=${(order) => setOrders((known) => known.map((other) => (other.id === order.id ? order : other)))} />`
      : !loaded.loading && html`<p class="muted">No order in this conversation yet.</p>`}
    ${earlier.length > 0 && html`<details class="earlier"><summary>Other orders in this chat (${earlier.length})</summary>
      <ul>${earlier.map((order) => html`<li key=${order.id}><a href=${`#/orders/${order.id}`}>
        ${usdt(order.usdtAmount)}, ${dateAndTime(order.createdAt)}</a> <${OrderStatus} status=${order.status} /></li>`)}</ul>
    </details>`}
  </aside>`;
}

function OrderDetails({ client, order, changed }) {
  const me = client.user.id;
  const buyer = order.buyer.id === me;
  const seller = order.seller.id === me;
  const waiting = order.status === "PENDING_PAYMENT";
  useSecondTicks(waiting);
  const offer = useLoad(() => client.request("GET", `/api/offers/${order.offerId}`), [order.offerId]);
  const step = (name) => () => client.orderStep(order.id, name).then(changed);
  const other = buyer ? order.seller : order.buyer;
  const secondsLeft = (Date.parse(order.paymentWindowEndsAt) - client.now()) / 1000;

  return html`<div class="order">
    <h2>Order</h2>
    <p class="order-status">Status: <${OrderStatus} status=${order.status} /></p>
    ${waiting && html`<p class="time-left"><span>Time left</span>
      <span role="timer" class=${secondsLeft < 120 ? "urgent" : ""}>${duration(secondsLeft)}</span></p>`}
    <dl class="facts">
      <div><dt>Amount</dt><dd>${usdt(order.usdtAmount)}</dd></div>
      <div><dt>Price</dt><dd>${order.price} ${order.fiatCurrency}</dd></div>
      <div><dt>${buyer ? "You pay" : "You receive"}</dt><dd>${order.fiatAmount} ${order.fiatCurrency}</dd></div>
      <div><dt>Payment method</dt><dd>${offer.value?.paymentMethods.join(", ") ?? "…"}</dd></div>
      <div><dt>Buyer</dt><dd>${order.buyer.username}${buyer ? " (you)" : ""}</dd></div>
      <div><dt>Seller</dt><dd>${order.seller.username}${seller ? " (you)" : ""}</dd></div>
      <div><dt>Placed</dt><dd>${dateAndTime(order.createdAt)}</dd></div>
      ${order.paidAt && html`<div><dt>Marked paid</dt><dd>${dateAndTime(order.paidAt)}</dd></div>`}
    </dl>
    ${offer.value?.terms && html`<p class="terms"><strong>Terms:</strong> ${offer.value.terms}</p>`}
    ${order.appeal && html`<div class="appeal-note"><h3>Appeal</h3>
      <p>Opened by ${order.appeal.by === order.buyer.id ? order.buyer.username : order.seller.username}
        on ${dateAndTime(order.appeal.openedAt)}: “${order.appeal.reason}”. An admin will settle it.</p>
      <${AttachmentList} attachments=${order.appeal.attachments} /></div>`}
    <div class="steps">
      ${buyer && waiting && html`<${ConfirmAction} label="I have paid" onConfirm=${step("paid")}
        question=${`Have you sent ${order.fiatAmount} ${order.fiatCurrency} to ${order.seller.username}?`}
        confirmLabel="Yes, I have paid" />`}
      ${buyer && waiting && html`<${ConfirmAction} label="Cancel order" kind="danger" onConfirm=${step("cancel")}
        question="Cancel this order? Do not cancel if you have paid." confirmLabel="Yes, cancel it" />`}
      ${seller && order.status === "PAID" && html`<${ConfirmAction} label="Release" onConfirm=${step("release")}
        question=${`Release ${usdt(order.usdtAmount)} to ${order.buyer.username}? Only once the payment has reached you.`}
        confirmLabel="Yes, release the USDT" />`}
      ${(buyer || seller) && order.status === "PAID" && html`<${AppealForm} client=${client} order=${order}
        other=${other.username} changed=${changed} />`}
    </div>
  </div>`;
}

function AppealForm({ client, order, other, changed }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState(null);
  const [files, setFiles] = useState([]);
  if (!open) {
    return html`<div class="confirm"><button type="button" class="quiet" onClick=${() => setOpen(true)}>Appeal</button></div>`;
  }
  const submit = async (event) => {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get("reason");
    try {
      changed(await client.appeal(order.id, reason, files.map((file) => file.id)));
    } catch (failure) {
      setError(failure);
    }
  };
  return html`<form class="appeal-form" onSubmit=${submit} aria-label="Appeal">
    <${Field} as="textarea" label="What went wrong?" name="reason" rows="4" required autofocus error=${error}
      hint=${`Your statement is the evidence an admin reads, with this conversation. ${other} sees that you appealed.`} />
    <${AttachInput} label="Attach evidence" multiple upload=${(file) => client.uploadAttachment(order.roomId, file)}
      files=${files} onChange=${setFiles} />
    <${ErrorText} error=${error} fields=${["reason"]} />
    <div class="actions">
      <button type="submit" class="primary">Send appeal</button>
      <button type="button" class="quiet" onClick=${() => setOpen(false)}>Not now</button>
    </div>
  </form>`;
}
