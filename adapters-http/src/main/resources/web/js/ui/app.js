// The shell: who is signed in, the navigation of their role, the page of the route, the connection and the calls.
import { html, navigate, useClientEvent, useClientEvents, useRoute } from "./common.js";
import { useEffect, useRef, useState } from "../../vendor/htm-preact.module.js";
import { CreateAccount, SignIn } from "./auth.js";
import { ChatsPage } from "./chats.js";
import { MarketPage } from "./market.js";
import { OffersPage } from "./offers.js";
import { OrderPage, OrdersPage } from "./orders.js";
import { WalletPage } from "./wallet.js";
import { AppealsPage } from "./appeals.js";
import { CallLayer } from "./calls.js";

const TITLE = "USDT Agent";
const HOME = { user: "/market", agent: "/chats", admin: "/appeals" };
const NAVIGATION = [
  { page: "chats", label: "Chats", roles: ["user", "agent", "admin"] },
  { page: "market", label: "Market", roles: ["user"] },
  { page: "offers", label: "Offers", roles: ["agent"] },
  { page: "orders", label: "Orders", roles: ["user", "agent", "admin"] },
  { page: "wallet", label: "Wallet", roles: ["user", "agent", "admin"] },
  { page: "appeals", label: "Appeals", roles: ["admin"] },
];

export function App({ client }) {
  useClientEvents(client, ["session"]);
  const route = useRoute();
  const user = client.user;
  useEffect(() => {
    if (!user) return undefined;
    let stopped = false;
    const connect = () => client.connect().catch(() => { if (!stopped) setTimeout(connect, 3000); });
    connect();
    return () => { stopped = true; };
  }, [user?.id]);
  if (!user) {
    return route.page === "create-account" ? html`<${CreateAccount} client=${client} />` : html`<${SignIn} client=${client} />`;
  }
  return html`<${Shell} client=${client} user=${user} route=${route} />`;
}

function Shell({ client, user, route }) {
  useClientEvents(client, ["rooms"]);
  const main = useRef(null);
  const allowed = NAVIGATION.filter((item) => item.roles.includes(user.role));
  const known = allowed.some((item) => item.page === route.page);
  useEffect(() => { if (!known) navigate(HOME[user.role]); }, [known, user.role]);
  useTitleAndNotifications(client);
  const unread = client.unreadTotal();

  return html`<div class="shell">
    <button type="button" class="skip" onClick=${() => main.current?.focus()}>Skip to content</button>
    <header class="topbar">
      <span class="brand">${TITLE}</span>
      <nav aria-label="Main">
        <ul>${allowed.map((item) => html`<li key=${item.page}>
          <a href=${`#/${item.page}`} aria-current=${item.page === route.page ? "page" : undefined}>
            ${item.label}${item.page === "chats" && unread > 0
              && html` <span class="badge">${unread}<span class="sr-only"> unread</span></span>`}
          </a></li>`)}
        </ul>
      </nav>
      <div class="account">
        <span class="me">${user.username} <span class="muted">(${user.role})</span></span>
        <${NotificationsButton} />
        <button type="button" class="quiet" onClick=${() => client.signOut()}>Sign out</button>
      </div>
    </header>
    <${ConnectionStatus} client=${client} />
    <main id="main" ref=${main} tabindex="-1">${known && page(client, user, route)}</main>
    <${CallLayer} client=${client} />
  </div>`;
}

function page(client, user, { page: name, id }) {
  switch (name) {
    case "chats": return html`<${ChatsPage} client=${client} roomId=${id} />`;
    case "market": return html`<${MarketPage} client=${client} />`;
    case "offers": return html`<${OffersPage} client=${client} />`;
    case "orders": return id ? html`<${OrderPage} client=${client} orderId=${id} />` : html`<${OrdersPage} client=${client} />`;
    case "wallet": return html`<${WalletPage} client=${client} />`;
    case "appeals": return html`<${AppealsPage} client=${client} orderId=${id} />`;
    default: return null;
  }
}

function ConnectionStatus({ client }) {
  useClientEvents(client, ["connection"]);
  const text = { online: "", connecting: "Connecting…",
    offline: "Offline. Messages you send now go out when the connection is back." }[client.connection];
  return html`<p class=${`connection ${client.connection}`} role="status">${text}</p>`;
}

/** Asks for permission with a click, as browsers require; hidden once the browser has an answer. */
function NotificationsButton() {
  const supported = "Notification" in window;
  const [permission, setPermission] = useState(supported ? Notification.permission : "denied");
  if (permission !== "default") return null;
  return html`<button type="button" class="quiet" onClick=${() => Notification.requestPermission().then(setPermission)}>
    <span class="long">Turn on notifications</span><span class="short">Notifications</span></button>`;
}

/** The unread total in the title; a notification for a message or a call while the tab is hidden. */
function useTitleAndNotifications(client) {
  useEffect(() => {
    const update = () => {
      const unread = client.unreadTotal();
      document.title = unread > 0 ? `(${unread}) ${TITLE}` : TITLE;
    };
    update();
    const off = client.on("rooms", update);
    return () => {
      off();
      document.title = TITLE;
    };
  }, [client]);
  useClientEvent(client, "message", (message) => {
    const room = client.rooms.get(message.roomId);
    const files = message.attachments ?? [];
    const body = message.text || (files.some((file) => file.kind === "image") ? "Photo" : files.length ? "File" : "");
    notify(room ? room.opponent.username : "New message", body, message.roomId,
      () => navigate(`/chats/${message.roomId}`));
  });
  useClientEvent(client, "call", (current) => {
    if (current?.direction === "in" && current.call.status === "ringing") {
      notify("Incoming call", `${current.call.caller.username} is calling`, current.call.callId);
    }
  });
}

function notify(title, body, tag, onClick) {
  if (!document.hidden || !("Notification" in window) || Notification.permission !== "granted") return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    focus();
    onClick?.();
    notification.close();
  };
}
