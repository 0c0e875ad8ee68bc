// The console: conversations on the left, the open one in the middle, its order on the right. On a phone-sized
// screen one of the three at a time (data-pane says which).
import { clock, html, navigate, presenceText, useClientEvents, useUniqueId } from "./common.js";
import { useEffect, useRef, useState } from "../../vendor/htm-preact.module.js";
import { ConversationView } from "./conversation.js";
import { OrderPanel } from "./order-panel.js";

const SEARCH_DELAY_MS = 250;

export function ChatsPage({ client, roomId }) {
  useClientEvents(client, ["rooms"]);
  const [pane, setPane] = useState(roomId ? "chat" : "list");
  useEffect(() => setPane(roomId ? "chat" : "list"), [roomId]);
  const room = roomId ? client.rooms.get(roomId) : null;
  return html`<div class="console" data-pane=${pane}>
    <${RoomList} client=${client} roomId=${roomId} />
    ${roomId ? html`<${RoomView} key=${roomId} client=${client} roomId=${roomId} opponent=${room?.opponent}
        onBack=${() => navigate("/chats")} setPane=${setPane} />`
      : html`<section class="conversation empty" aria-label="No conversation open">
          <p class="muted">Choose a conversation.</p></section>`}
  </div>`;
}

/** A conversation and its order panel, side by side on a wide screen. */
export function RoomView({ client, roomId, orderId, opponent, onBack, setPane }) {
  return html`
    <${ConversationView} client=${client} roomId=${roomId} opponent=${opponent} onBack=${onBack}
      onShowOrder=${() => setPane("order")} />
    <${OrderPanel} client=${client} roomId=${roomId} orderId=${orderId} onBackToChat=${() => setPane("chat")} />`;
}

function RoomList({ client, roomId }) {
  const searchId = useUniqueId("search");
  const [search, setSearch] = useState(client.roomQuery.search);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const timer = setTimeout(() => client.listRooms(search.trim()).catch(() => {}), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);
  const rooms = client.roomList();

  return html`<aside class="rooms" aria-label="Conversations panel">
    <div class="search">
      <label for=${searchId} class="sr-only">Search chats</label>
      <input id=${searchId} type="search" placeholder="Search chats" value=${search}
        onInput=${(event) => setSearch(event.currentTarget.value)} />
    </div>
    <ul class="room-list" aria-label="Conversations">
      ${rooms.map((room) => html`<li key=${room.roomId}>
        <a class="room" href=${`#/chats/${room.roomId}`} aria-current=${room.roomId === roomId ? "page" : undefined}>
          <span class=${`dot ${room.opponent.online ? "on" : "off"}`} aria-hidden="true"></span>
          <span class="room-main">
            <span class="room-name">${room.opponent.username}</span>
            <span class="sr-only">, ${presenceText(room.opponent)}</span>
            <span class="room-last">${room.lastMessage?.text ?? ""}</span>
          </span>
          <span class="room-meta">
            <time datetime=${room.updatedAt}>${clock(room.updatedAt)}</time>
            ${room.unreadCount > 0 && html`<span class="badge">${room.unreadCount}<span class="sr-only"> unread</span></span>`}
          </span>
        </a>
      </li>`)}
    </ul>
    ${rooms.length === 0 && html`<p class="muted">${search ? "No conversation matches." : "No conversations yet."}</p>`}
    ${client.roomQuery.hasMore && html`<button type="button" class="quiet"
      onClick=${() => client.listRooms(search.trim(), true).catch(() => {})}>More conversations</button>`}
  </aside>`;
}
