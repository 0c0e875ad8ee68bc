package com.usdtagent.persistence;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.chat.SendMessage;
import com.usdtagent.application.chat.SendMessageService;
import com.usdtagent.application.contract.AtOnce;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends of one sender's clientMessageId racing on two nodes (two send services, one database): each lookup misses
 * the other's message, so the loser's append finds the id taken. It is then answered by the same rule as a later
 * reuse: the stored message in the same room, {@code INVALID_STATE} in another.
 */
class ClientMessageIdRaceTest {

    private static final int RACES = 20;

    private static ChatFixture chat;
    private static SendMessageService nodeA;
    private static SendMessageService nodeB;

    @BeforeAll
    static void start() {
        chat = new ChatFixture();
        nodeA = sendService();
        nodeB = sendService();
    }

    private static SendMessageService sendService() {
        var publisher = (RealtimePublisher) Proxy.newProxyInstance(RealtimePublisher.class.getClassLoader(),
                new Class<?>[] {RealtimePublisher.class}, (proxy, method, args) -> null);
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
        return new SendMessageService(new RoomPosts(chat.rooms, publisher, clock), chat.messages,
                chat.persistence.attachments(), notification -> { }, chat.transactions, clock, chat.persistence.blocks());
    }

    @AfterAll
    static void stop() {
        nodeA.close();
        nodeB.close();
        chat.close();
    }

    @Test
    void oneIdRacingIntoTwoRoomsIsStoredInOneAndRefusedInTheOther() {
        var ann = new AuthenticatedUser(chat.user(), Role.USER);
        RoomId first = chat.room(ann.id(), chat.user()).id();
        RoomId second = chat.room(ann.id(), chat.user()).id();

        for (int n = 0; n < RACES; n++) {
            String id = "race-" + n;
            List<String> outcomes = AtOnce.run(2, node -> () -> {
                try {
                    RoomId room = node == 0 ? first : second;
                    (node == 0 ? nodeA : nodeB).send(ann, new SendMessage.Command(room, id, "hi"));
                    return "stored";
                } catch (BusinessException refused) {
                    return refused.code().name();
                }
            });
            assertThat(outcomes).as(id).containsExactlyInAnyOrder("stored", "INVALID_STATE");
        }
        assertThat(chat.messages.after(first, 0, 100).size() + chat.messages.after(second, 0, 100).size())
                .isEqualTo(RACES);
    }

    @Test
    void oneIdRacingIntoOneRoomIsStoredOnceAndBothSendsGetIt() {
        var ann = new AuthenticatedUser(chat.user(), Role.USER);
        RoomId room = chat.room(ann.id(), chat.user()).id();

        for (int n = 0; n < RACES; n++) {
            String id = "race-" + n;
            List<Message> answers = AtOnce.run(2, node -> () -> (node == 0 ? nodeA : nodeB)
                    .send(ann, new SendMessage.Command(room, id, "hi")).message());
            assertThat(answers.get(1)).as(id).isEqualTo(answers.get(0));
        }
        assertThat(chat.messages.after(room, 0, 100)).extracting(Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, RACES).boxed().toList());
    }
}
