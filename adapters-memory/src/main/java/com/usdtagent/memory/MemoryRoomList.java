package com.usdtagent.memory;

import com.usdtagent.application.chat.MessageView;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.chat.RoomPage;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.memory.ChatTables.Member;
import com.usdtagent.memory.ChatTables.MemberKey;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The room lists, as {@code JdbiRoomList}: each read sees one moment of the store. */
final class MemoryRoomList implements RoomList {

    // the room breaks ties, so that consecutive pages neither lose nor repeat a room
    private static final Comparator<Map.Entry<MemberKey, Member>> NEWEST_FIRST = Comparator
            .comparing((Map.Entry<MemberKey, Member> side) -> side.getValue().lastActivityAt()).reversed()
            .thenComparing(side -> side.getKey().room().value(), Uuids.POSTGRES_ORDER);

    private final MemoryStore store;
    private final ChatTables tables;

    MemoryRoomList(MemoryStore store, ChatTables tables) {
        this.store = store;
        this.tables = tables;
    }

    @Override
    public RoomPage listFor(UserId viewer, String search, int page, int limit) {
        String term = search == null ? "" : search.toLowerCase(Locale.ROOT);
        return store.read(() -> {
            List<Map.Entry<MemberKey, Member>> matching = tables.sidesOf(viewer).stream()
                    .filter(side -> opponentName(side.getKey()).contains(term))
                    .sorted(NEWEST_FIRST)
                    .toList();
            List<RoomSummary> rooms = matching.stream().skip((long) (page - 1) * limit).limit(limit)
                    .map(this::summary).toList();
            return new RoomPage(rooms, page, limit, matching.size(), (long) page * limit < matching.size());
        });
    }

    private String opponentName(MemberKey side) {
        ChatRoom room = tables.rooms.find(side.room()).orElseThrow();
        return tables.requireAccount(room.opponentOf(side.user())).username().canonical();
    }

    @Override
    public Optional<RoomSummary> summaryFor(RoomId room, UserId viewer) {
        MemberKey key = new MemberKey(room, viewer);
        return store.read(() -> tables.members.find(key).map(side -> summary(Map.entry(key, side))));
    }

    private RoomSummary summary(Map.Entry<MemberKey, Member> side) {
        UserId viewer = side.getKey().user();
        ChatRoom room = tables.rooms.find(side.getKey().room()).orElseThrow();
        UserId opponent = room.opponentOf(viewer);
        ReadPointers mine = side.getValue().pointers();
        ReadPointers theirs = tables.members.find(new MemberKey(room.id(), opponent)).orElseThrow().pointers();
        MessageView lastMessage = tables.messages.find(new ChatTables.Seat(room.id(), room.lastSeq()))
                .map(message -> {
                    // its ticks are the pointers of whoever it was sent to
                    ReadPointers recipient = message.senderId().equals(viewer) ? theirs : mine;
                    return new MessageView(message, recipient.statusOf(message.seq()));
                })
                .orElse(null);
        return new RoomSummary(room.id(), tables.contact(opponent), lastMessage, mine.unreadOf(room.lastSeq()),
                side.getValue().lastActivityAt());
    }

    @Override
    public Map<UserId, Integer> unreadTotals(Collection<UserId> members) {
        // as the SQL's sum: a read pointer ahead of the room (which receipts never set) counts against the others
        return store.read(() -> members.stream().distinct().collect(Collectors.toMap(member -> member,
                member -> (int) tables.sidesOf(member).stream()
                        .mapToLong(side -> tables.rooms.find(side.getKey().room()).orElseThrow().lastSeq()
                                - side.getValue().pointers().readSeq())
                        .sum())));
    }

    @Override
    public List<UserId> contactsOf(UserId user) {
        return store.read(() -> tables.sidesOf(user).stream()
                .map(side -> tables.rooms.find(side.getKey().room()).orElseThrow().opponentOf(user))
                .toList());
    }
}
