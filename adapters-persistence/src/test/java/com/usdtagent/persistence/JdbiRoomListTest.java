package com.usdtagent.persistence;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.usdtagent.persistence.ChatFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class JdbiRoomListTest {

    private static ChatFixture chat;
    private static RoomList roomList;

    @BeforeAll
    static void openDatabase() {
        chat = new ChatFixture();
        roomList = chat.roomList;
    }

    @AfterAll
    static void closeDatabase() {
        chat.close();
    }

    @Test
    void eachMemberHasTheirOwnUnreadCount() {
        UserId me = chat.user();
        UserId ann = chat.user();
        RoomId room = chat.room(me, ann).id();
        for (int n = 0; n < 3; n++) {
            chat.send(room, ann, "message " + n);
        }
        // what SendMessageService does for the sender
        chat.rooms.advance(room, ann, new ReadPointers(3, 3));
        chat.rooms.advance(room, me, new ReadPointers(3, 1));

        assertThat(roomList.summaryFor(room, me).orElseThrow().unreadCount()).isEqualTo(2);
        assertThat(roomList.summaryFor(room, ann).orElseThrow().unreadCount()).isZero();
        assertThat(roomList.summaryFor(room, chat.user())).isEmpty();
    }

    @Test
    void listsTheRoomsByLatestActivity() {
        UserId me = chat.user();
        UserId ann = chat.user();
        UserId bob = chat.user();
        UserId cid = chat.user();
        RoomId withAnn = chat.room(me, ann, NOW.minusSeconds(30)).id();
        RoomId withBob = chat.room(me, bob, NOW.minusSeconds(20)).id();
        RoomId withCid = chat.room(cid, me, NOW.minusSeconds(10)).id();
        chat.send(withAnn, ann, "late news", "ann-1", NOW);

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
        UserId me = chat.user();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UserId underscore = chat.user("Zed_A" + tag, Role.AGENT);
        UserId letter = chat.user("zedxa" + tag, Role.AGENT);
        UserId other = chat.user("mia" + tag, Role.AGENT);
        List.of(underscore, letter, other).forEach(opponent -> chat.room(me, opponent));

        assertThat(opponentsFound(me, "ZED")).containsExactlyInAnyOrder(underscore, letter);
        assertThat(opponentsFound(me, "d_a" + tag)).containsExactly(underscore);
        assertThat(opponentsFound(me, "IA" + tag)).containsExactly(other);
        assertThat(opponentsFound(me, "%")).isEmpty();
        assertThat(opponentsFound(me, "\\")).isEmpty();
        assertThat(roomList.listFor(me, "zed", 1, 1).total()).isEqualTo(2);
        assertThat(roomList.listFor(me, "zed", 1, 1).hasMore()).isTrue();
    }

    private static List<UserId> opponentsFound(UserId viewer, String search) {
        return roomList.listFor(viewer, search, 1, 10).rooms().stream().map(summary -> summary.opponent().id()).toList();
    }

    @Test
    void pagesTogetherHoldEveryRoomOnce() {
        UserId me = chat.user();
        // equal activity times, so only the tie-break keeps the pages apart
        List<RoomId> all = IntStream.range(0, 25).mapToObj(i -> chat.room(me, chat.user()).id()).toList();

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
        UserId me = chat.user();
        UserId ann = chat.user();
        RoomId room = chat.room(me, ann).id();

        Message fromAnn = chat.send(room, ann, "hello");
        assertThat(lastMessageStatus(room, me)).isEqualTo(DeliveryStatus.SENT);
        chat.rooms.advance(room, me, new ReadPointers(1, 0));
        assertThat(lastMessageStatus(room, me)).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(lastMessageStatus(room, ann)).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(roomList.summaryFor(room, ann).orElseThrow().lastMessage().message()).isEqualTo(fromAnn);

        chat.send(room, me, "hi ann");
        chat.rooms.advance(room, me, new ReadPointers(2, 2));
        assertThat(lastMessageStatus(room, me)).isEqualTo(DeliveryStatus.SENT);
        chat.rooms.advance(room, ann, new ReadPointers(2, 2));
        assertThat(lastMessageStatus(room, me)).isEqualTo(DeliveryStatus.READ);
    }

    private static DeliveryStatus lastMessageStatus(RoomId room, UserId viewer) {
        return roomList.summaryFor(room, viewer).orElseThrow().lastMessage().status();
    }

    @Test
    void theOpponentIsOnlineWhileASocketOfTheirsIsConnected() {
        UserId me = chat.user();
        UserId ann = chat.user("ann" + UUID.randomUUID().toString().substring(0, 6), Role.AGENT);
        RoomId room = chat.room(me, ann).id();
        Presence presence = chat.persistence.presence(UUID.randomUUID());
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
        UserId ann = chat.user();
        UserId bob = chat.user();
        RoomId first = chat.room(ann, bob).id();
        RoomId second = chat.room(ann, chat.user()).id();
        chat.send(first, bob, "1");
        chat.send(first, bob, "2");
        chat.send(second, bob, "3");

        assertThat(roomList.unreadTotal(ann)).isEqualTo(3);
        assertThat(roomList.unreadTotal(chat.user())).isZero();
    }
}
