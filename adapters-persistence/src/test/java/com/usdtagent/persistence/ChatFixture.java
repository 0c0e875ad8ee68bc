package com.usdtagent.persistence;

import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.usdtagent.persistence.Accounts.account;

/** A fresh database with the chat ports, and the accounts and rooms chat tests start from. */
final class ChatFixture implements AutoCloseable {

    // PostgreSQL keeps microseconds, so a finer instant would not compare equal after a round trip
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    final PostgresPersistence persistence;
    final ChatRooms rooms;
    final RoomList roomList;
    final Messages messages;
    final Transactions transactions;

    ChatFixture() {
        persistence = PostgresPersistence.open(TestDatabases.fresh(), new SimpleMeterRegistry());
        rooms = persistence.chatRooms();
        roomList = persistence.roomList();
        messages = persistence.messages();
        transactions = persistence.transactions();
    }

    /** A user with a unique made-up name. */
    UserId user() {
        return user("u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), Role.USER);
    }

    UserId user(String username, Role role) {
        UserAccount account = account(username, null, role);
        persistence.userAccounts().add(account);
        return account.id();
    }

    ChatRoom room(UserId one, UserId other, Instant createdAt) {
        return rooms.addOrGetExisting(new ChatRoom(RoomId.newId(), one, other, 0, createdAt));
    }

    ChatRoom room(UserId one, UserId other) {
        return room(one, other, NOW);
    }

    @Override
    public void close() {
        persistence.close();
    }
}
