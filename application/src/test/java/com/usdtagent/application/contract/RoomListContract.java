package com.usdtagent.application.contract;

import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.chat.RoomPage;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.ReadPointers;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RoomList}: a member's rooms newest activity first, ties broken so that pages neither lose nor repeat a
 * room; search by the opponent's name, ignoring case, every character literal; each member's own unread count and
 * ticks; the opponent's presence; nothing of an append until it commits.
 */
public abstract class RoomListContract extends ChatContract {

    private RoomList roomList;

    @BeforeEach
    void ports() {
        roomList = adapters.roomList();
    }

    @Test
    void eachMemberHasTheirOwnUnreadCount() {
        UserId me = user();
        UserId ann = user();
        RoomId room = room(me, ann);
        for (int n = 0; n < 3; n++) {
            send(room, ann, "message " + n);
        }
        // what SendMessageService does for the sender
        adapters.chatRooms().advance(room, ann, new ReadPointers(3, 3));
        adapters.chatRooms().advance(room, me, new ReadPointers(3, 1));

        assertThat(roomList.summaryFor(room, me).orElseThrow().unreadCount()).isEqualTo(2);
        assertThat(roomList.summaryFor(room, ann).orElseThrow().unreadCount()).isZero();
        assertThat(roomList.summaryFor(room, user())).isEmpty();
    }

    @Test
    void listsTheRoomsByLatestActivity() {
        UserId me = user();
        UserId ann = user();
        UserId bob = user();
        UserId cid = user();
        RoomId withAnn = openRoom(me, ann, NOW.minusSeconds(30)).id();
        RoomId withBob = openRoom(me, bob, NOW.minusSeconds(20)).id();
        RoomId withCid = openRoom(cid, me, NOW.minusSeconds(10)).id();
        send(withAnn, ann, "late news", "ann-1", NOW);

        RoomPage page = roomList.listFor(me, null, 1, 10);

        assertThat(page.rooms()).extracting(RoomSummary::roomId).containsExactly(withAnn, withCid, withBob);
        assertThat(page.rooms()).extracting(summary -> summary.opponent().id()).containsExactly(ann, cid, bob);
        assertThat(page.rooms()).extracting(RoomSummary::updatedAt)
                .containsExactly(NOW, NOW.minusSeconds(10), NOW.minusSeconds(20));
        assertThat(page.rooms().get(1).lastMessage()).isNull();
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.hasMore()).isFalse();
        assertThat(roomList.listFor(ann, null, 1, 10).rooms()).extracting(RoomSummary::updatedAt).containsExactly(NOW);
    }

    @Test
    void searchesTheOpponentsNameIgnoringCaseWithWildcardsTakenLiterally() {
        UserId me = user();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UserId underscore = user("Zed_A" + tag, Role.AGENT);
        UserId letter = user("zedxa" + tag, Role.AGENT);
        UserId other = user("mia" + tag, Role.AGENT);
        List.of(underscore, letter, other).forEach(opponent -> room(me, opponent));

        assertThat(opponentsFound(me, "ZED")).containsExactlyInAnyOrder(underscore, letter);
        assertThat(opponentsFound(me, "d_a" + tag)).containsExactly(underscore);
        assertThat(opponentsFound(me, "IA" + tag)).containsExactly(other);
        assertThat(opponentsFound(me, "%")).isEmpty();
        assertThat(opponentsFound(me, "\\")).isEmpty();
        assertThat(roomList.listFor(me, "zed", 1, 1).total()).isEqualTo(2);
        assertThat(roomList.listFor(me, "zed", 1, 1).hasMore()).isTrue();
    }

    private List<UserId> opponentsFound(UserId viewer, String search) {
        return roomList.listFor(viewer, search, 1, 10).rooms().stream().map(summary -> summary.opponent().id()).toList();
    }

    @Test
    void pagesTogetherHoldEveryRoomOnce() {
        UserId me = user();
        // equal activity times, so only the tie-break keeps the pages apart
        List<RoomId> all = IntStream.range(0, 25).mapToObj(i -> room(me, user())).toList();

        List<RoomPage> pages = IntStream.rangeClosed(1, 3).mapToObj(page -> roomList.listFor(me, null, page, 10)).toList();

        List<RoomId> listed = pages.stream().flatMap(page -> page.rooms().stream()).map(RoomSummary::roomId).toList();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(pages).extracting(page -> page.rooms().size()).containsExactly(10, 10, 5);
        assertThat(pages).extracting(RoomPage::hasMore).containsExactly(true, true, false);
        assertThat(pages).extracting(RoomPage::total).containsOnly(25L);
        assertThat(roomList.listFor(me, null, 4, 10).rooms()).isEmpty();
    }

    @Test
    void theLastMessageShowsTheTicksOfItsRecipient() {
        UserId me = user();
        UserId ann = user();
        RoomId room = room(me, ann);

        Message fromAnn = send(room, ann, "hello");
        assertThat(lastMessageStatus(room, me)).isEqualTo(DeliveryStatus.SENT);
        adapters.chatRooms().advance(room, me, new ReadPointers(1, 0));
        assertThat(lastMessageStatus(room, me)).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(lastMessageStatus(room, ann)).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(roomList.summaryFor(room, ann).orElseThrow().lastMessage().message()).isEqualTo(fromAnn);

        send(room, me, "hi ann");
        adapters.chatRooms().advance(room, me, new ReadPointers(2, 2));
        assertThat(lastMessageStatus(room, me)).isEqualTo(DeliveryStatus.SENT);
        adapters.chatRooms().advance(room, ann, new ReadPointers(2, 2));
        assertThat(lastMessageStatus(room, me)).isEqualTo(DeliveryStatus.READ);
    }

    private DeliveryStatus lastMessageStatus(RoomId room, UserId viewer) {
        return roomList.summaryFor(room, viewer).orElseThrow().lastMessage().status();
    }

    @Test
    void theOpponentIsOnlineWhileASocketOfTheirsIsConnected() {
        UserId me = user();
        UserId ann = user("ann" + UUID.randomUUID().toString().substring(0, 6), Role.AGENT);
        RoomId room = room(me, ann);
        Presence presence = adapters.presence(UUID.randomUUID());
        SocketId socket = new SocketId(UUID.randomUUID());

        RoomSummary before = roomList.summaryFor(room, me).orElseThrow();
        assertThat(before.opponent().online()).isFalse();
        assertThat(before.opponent().lastSeenAt()).isNull();
        assertThat(before.opponent().role()).isEqualTo(Role.AGENT);

        presence.socketOpened(ann, socket, NOW);
        assertThat(roomList.listFor(me, null, 1, 10).rooms().getFirst().opponent().online()).isTrue();

        Instant leftAt = NOW.plus(Duration.ofMinutes(5));
        presence.socketClosed(ann, socket, leftAt);
        RoomSummary after = roomList.summaryFor(room, me).orElseThrow();
        assertThat(after.opponent().online()).isFalse();
        assertThat(after.opponent().lastSeenAt()).isEqualTo(leftAt);
    }

    @Test
    void theUnreadTotalSumsTheMembersRooms() {
        UserId ann = user();
        UserId bob = user();
        RoomId first = room(ann, bob);
        RoomId second = room(ann, user());
        send(first, bob, "1");
        send(first, bob, "2");
        send(second, bob, "3");

        assertThat(roomList.unreadTotal(ann)).isEqualTo(3);
        assertThat(roomList.unreadTotal(user())).isZero();
        UserId roomless = user();
        Map<UserId, Integer> totals = roomList.unreadTotals(List.of(ann, bob, roomless, ann));
        assertThat(totals).containsEntry(ann, 3).containsEntry(bob, roomList.unreadTotal(bob));
        assertThat(totals.getOrDefault(roomless, 0)).isZero();
    }

    @Test
    void anAppendShowsInTheListsOnlyOnceItCommits() {
        UserId me = user();
        UserId ann = user();
        RoomId room = room(me, ann);

        List<RoomSummary> seen = whileOpen(() -> {
            send(room, ann, "not yet");
            return null;
        }, () -> roomList.summaryFor(room, me).orElseThrow());

        assertThat(seen.get(1).lastMessage()).isNull();
        assertThat(seen.get(1).unreadCount()).isZero();
        assertThat(roomList.summaryFor(room, me).orElseThrow().unreadCount()).isEqualTo(1);
        assertThat(roomList.unreadTotal(me)).isEqualTo(1);
    }
}
