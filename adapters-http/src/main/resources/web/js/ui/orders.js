// The caller's orders, and one order's page: its conversation beside its panel.
import { ErrorText, Field, OrderStatus, dateAndTime, html, useClientEvent, useClientEvents, useLoad, usdt } from "./common.js";
import { useState } from "../../vendor/htm-preact.module.js";
import { RoomView } from "./chats.js";

const STATUSES = ["PENDING_PAYMENT", "PAID", "APPEAL", "COMPLETED", "CANCELLED", "REFUNDED"];

export function OrdersPage({ client }) {
  const [status, setStatus] = useState("");
  const orders = useLoad(() => client.orders({ status: status || undefined }), [status]);
  useClientEvent(client, "order", () => orders.reload());
  const me = client.user;
  // an admin is no party: an order opens with its appeal, where its conversation can be read once appealed
  const link = (order) => (me.role === "admin" ? `#/appeals/${order.id}` : `#/orders/${order.id}`);
  return html`<section class="page">
    <h1>Orders</h1>
    <form class="filters" onSubmit=${(event) => event.preventDefault()}>
      <${Field} as="select" label="Status" name="status" value=${status}
          onChange=${(event) => setStatus(event.currentTarget.value)}>
        <option value="">All</option>
        ${STATUSES.map((value) => html`<option value=${value}>${value}</option>`)}
      <//>
    </form>
    <${ErrorText} error=${orders.error} />
    <ul class="cards" aria-label="Orders">
      ${(orders.value ?? []).map((order) => html`<li key=${order.id}>
        <a class="card-link" href=${link(order)}>
          <span><strong>${order.buyer.id === me.id ? "Buy" : order.seller.id === me.id ? "Sell" : "Trade"}</strong>
            ${" "}${usdt(order.usdtAmount)} for ${order.fiatAmount} ${order.fiatCurrency}</span>
          <span class="muted">${order.buyer.username} ← ${order.seller.username} · ${dateAndTime(order.createdAt)}</span>
          <${OrderStatus} status=${order.status} />
        </a>
      </li>`)}
    </ul>
    ${orders.value?.length === 0 && html`<p class="muted">No orders yet.</p>`}
  </section>`;
}

export function OrderPage({ client, orderId }) {
  useClientEvents(client, ["rooms"]);
  const order = useLoad(() => client.order(orderId), [orderId]);
  const [pane, setPane] = useState("chat");
  if (order.error) return html`<section class="page"><${ErrorText} error=${order.error} /></section>`;
  if (!order.value) return html`<section class="page"><p class="muted">Loading…</p></section>`;
  const { roomId, buyer, seller } = order.value;
  const opponent = client.rooms.get(roomId)?.opponent ?? (buyer.id === client.user.id ? seller : buyer);
  return html`<div class="console order-page" data-pane=${pane}>
    <${RoomView} client=${client} roomId=${roomId} orderId=${orderId} opponent=${opponent} setPane=${setPane} />
  </div>`;
}
