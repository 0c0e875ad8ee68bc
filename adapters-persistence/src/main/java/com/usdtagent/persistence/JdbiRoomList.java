package com.usdtagent.persistence;

import com.usdtagent.application.chat.Contact;
import com.usdtagent.application.chat.MessageView;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.chat.RoomPage;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The room lists, read from each member's side of their rooms in {@code room_member}, with the other member's account
 * and presence and the room's last message. Joins the caller's transaction when there is one (see JdbiTransactions).
 */
final class JdbiRoomList implements RoomList {

    // the member's room_member rows are one range of room_member_room_list_idx
    static final String UNREAD_TOTALS = """
            SELECT m.user_id, sum(r.last_seq - m.read_seq) AS unread
            FROM room_member m JOIN chat_room r ON r.id = m.room_id
            WHERE m.user_id = ANY(:members)
            GROUP BY m.user_id
            """;
    private static final String CONTACTS = """
            SELECT them.user_id
            FROM room_member me JOIN room_member them ON them.room_id = me.room_id AND them.user_id <> me.user_id
            WHERE me.user_id = :user
            """;

    // The other member's side of the viewer's room "me", and their account.
    private static final String OPPONENT = """
            JOIN room_member them ON them.room_id = me.room_id AND them.user_id <> me.user_id
            JOIN user_account opponent ON opponent.id = them.user_id
            """;
    // The viewer's rooms with the other member's side and account: the rows of the room list, before its filter.
    private static final String VIEWER_ROOMS = "FROM room_member me\n" + OPPONENT;
    // backslash is LIKE's default escape character
    private static final String MATCHING_OPPONENT = "AND opponent.username ILIKE :pattern\n";
    // room_id breaks ties, so that consecutive pages neither lose nor repeat a room
    private static final String LIST_ORDER = "ORDER BY me.last_activity_at DESC, me.room_id\n";
    // Without a search every room is listed, so a page's rooms are picked from room_member_room_list_idx alone: the
    // rooms before the page are skipped in the index, not joined to their opponents and last messages and dropped.
    static final String ROOM_PAGE = summaries("""
            FROM (SELECT room_id FROM room_member WHERE user_id = :viewer
                  ORDER BY last_activity_at DESC, room_id
                  LIMIT :limit OFFSET :offset) page
            JOIN room_member me ON me.room_id = page.room_id AND me.user_id = :viewer
            """ + OPPONENT) + LIST_ORDER;
    // with a search the filter decides which rooms come before the page
    static final String SEARCH_PAGE = summaries(VIEWER_ROOMS) + MATCHING_OPPONENT + LIST_ORDER + """
            LIMIT :limit OFFSET :offset
            """;
    // every room has its other member and their account, so without a search the count is of the viewer's index
    // entries alone
    static final String ROOM_COUNT = "SELECT count(*) FROM room_member WHERE user_id = :viewer";
    static final String SEARCH_COUNT = "SELECT count(*)\n" + VIEWER_ROOMS + "WHERE me.user_id = :viewer\n"
            + MATCHING_OPPONENT;
    private static final String ONE_SUMMARY = summaries(VIEWER_ROOMS) + "AND me.room_id = :room";

    private final Jdbi jdbi;

    JdbiRoomList(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The viewer's rooms with their opponents and last messages, from {@code viewerRooms}, a FROM of "me". */
    private static String summaries(String viewerRooms) {
        return """
                SELECT me.room_id, me.last_activity_at, room.last_seq,
                       me.delivered_seq AS my_delivered_seq, me.read_seq AS my_read_seq,
                       them.delivered_seq AS their_delivered_seq, them.read_seq AS their_read_seq,
                       opponent.id AS opponent_id, opponent.username AS opponent_username, opponent.role AS opponent_role,
                       opponent.last_seen_at AS opponent_last_seen_at,
                """ + JdbiPresence.onlineColumn("opponent.id") + " AS opponent_online,\n"
                + MessageRows.COLUMNS + viewerRooms + """
                JOIN chat_room room ON room.id = me.room_id
                LEFT JOIN message m ON m.room_id = room.id AND m.seq = room.last_seq
                WHERE me.user_id = :viewer
                """;
    }

    @Override
    public RoomPage listFor(UserId viewer, String search, int page, int limit) {
        return jdbi.withHandle(handle -> {
            long total = matching(handle.createQuery(search == null ? ROOM_COUNT : SEARCH_COUNT), search)
                    .bind("viewer", viewer.value())
                    .mapTo(Long.class)
                    .one();
            List<RoomSummary> rooms = matching(handle.createQuery(search == null ? ROOM_PAGE : SEARCH_PAGE), search)
                    .bind("viewer", viewer.value())
                    .bind("limit", limit)
                    .bind("offset", (long) (page - 1) * limit)
                    .map((row, context) -> toSummary(row, viewer))
                    .list();
            return new RoomPage(rooms, page, limit, total, (long) page * limit < total);
        });
    }

    /** The query with the search's pattern bound, when there is a search. */
    private static Query matching(Query query, String search) {
        return search == null ? query : query.bind("pattern", "%" + likeLiteral(search) + "%");
    }

    /** The term with LIKE's wildcards and its escape character taken literally. */
    private static String likeLiteral(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public Optional<RoomSummary> summaryFor(RoomId room, UserId viewer) {
        return jdbi.withHandle(handle -> handle.createQuery(ONE_SUMMARY)
                .bind("viewer", viewer.value())
                .bind("room", room.value())
                .map((row, context) -> toSummary(row, viewer))
                .findOne());
    }

    @Override
    public Map<UserId, Integer> unreadTotals(Collection<UserId> members) {
        return jdbi.withHandle(handle -> handle.createQuery(UNREAD_TOTALS)
                .bind("members", SqlArrays.array("uuid", members.stream().map(UserId::value).distinct().toList()))
                .map((row, context) -> Map.entry(new UserId(row.getObject("user_id", UUID.class)),
                        (int) row.getLong("unread")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public List<UserId> contactsOf(UserId user) {
        return jdbi.withHandle(handle -> handle.createQuery(CONTACTS)
                .bind("user", user.value())
                .map((row, context) -> new UserId(row.getObject("user_id", UUID.class)))
                .list());
    }

    private static RoomSummary toSummary(ResultSet row, UserId viewer) throws SQLException {
        ReadPointers mine = new ReadPointers(row.getLong("my_delivered_seq"), row.getLong("my_read_seq"));
        ReadPointers theirs = new ReadPointers(row.getLong("their_delivered_seq"), row.getLong("their_read_seq"));
        Contact opponent = new Contact(
                new UserId(row.getObject("opponent_id", UUID.class)),
                new Username(row.getString("opponent_username")),
                JdbiUserAccounts.role(row.getString("opponent_role")),
                row.getBoolean("opponent_online"),
                Timestamps.instant(row, "opponent_last_seen_at"));
        MessageView lastMessage = null;
        if (row.getObject("message_id") != null) {
            Message message = MessageRows.toMessage(row);
            // its ticks are the pointers of whoever it was sent to
            ReadPointers recipient = message.senderId().equals(viewer) ? theirs : mine;
            lastMessage = new MessageView(message, recipient.statusOf(message.seq()));
        }
        return new RoomSummary(new RoomId(row.getObject("room_id", UUID.class)), opponent, lastMessage,
                mine.unreadOf(row.getLong("last_seq")), Timestamps.instant(row, "last_activity_at"));
    }
}
