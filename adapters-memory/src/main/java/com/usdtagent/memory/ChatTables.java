package com.usdtagent.memory;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.Contact;
import com.usdtagent.application.chat.Messages.ClientMessageKey;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rows {@link MemoryChatRooms}, {@link MemoryRoomList} and {@link MemoryMessages} share: {@code chat_room} with
 * its pair key, {@code room_member}, {@code message} with its two unique keys; and a member as the others see them.
 */
final class ChatTables {

    /** A pair stored in PostgreSQL's uuid order, whoever opened the room, so that (a, b) and (b, a) meet. */
    record Pair(UserId low, UserId high) {

        static Pair of(UserId one, UserId other) {
            return Uuids.POSTGRES_ORDER.compare(one.value(), other.value()) < 0
                    ? new Pair(one, other) : new Pair(other, one);
        }
    }

    record MemberKey(RoomId room, UserId user) {
    }

    /** A member's side of a room; {@code lastActivityAt} is a copy of the room's, which the room list sorts on. */
    record Member(ReadPointers pointers, Instant lastActivityAt) {
    }

    /** The unique (room, seq) of a message. */
    record Seat(RoomId room, long seq) {
    }

    final Table<RoomId, ChatRoom> rooms;
    final Table<Pair, RoomId> pairs;
    final Table<MemberKey, Member> members;
    final Table<Seat, Message> messages;
    final Table<ClientMessageKey, Message> byClientMessageId;
    private final UserAccounts accounts;
    private final PresenceTables presence;

    ChatTables(MemoryStore store, UserAccounts accounts, PresenceTables presence) {
        this.rooms = new Table<>(store);
        this.pairs = new Table<>(store);
        this.members = new Table<>(store);
        this.messages = new Table<>(store);
        this.byClientMessageId = new Table<>(store);
        this.accounts = accounts;
        this.presence = presence;
    }

    /** The member's rows of {@code room_member}, one per room of theirs. */
    List<Map.Entry<MemberKey, Member>> sidesOf(UserId user) {
        return members.rows(side -> true).stream().filter(row -> row.getKey().user().equals(user)).toList();
    }

    /** As the foreign keys of {@code room_member} and {@code message} demand. */
    UserAccount requireAccount(UserId user) {
        return accounts.findById(user).orElseThrow(() -> new IllegalStateException("no account " + user));
    }

    /** The user's public profile and presence, as a room's other member sees them. */
    Contact contact(UserId user) {
        UserAccount account = requireAccount(user);
        return new Contact(user, account.username(), account.role(), presence.hasSocket(user),
                presence.lastSeen.find(user).orElse(null));
    }

    /** Whether a socket of the user has the room open. */
    boolean isViewing(UserId user, RoomId room) {
        return presence.viewers.rows(viewer -> viewer.equals(user)).stream()
                .anyMatch(row -> row.getKey().room().equals(room));
    }
}
