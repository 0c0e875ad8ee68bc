package com.usdtagent.persistence;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.PushQueueContract;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiPushQueueTest extends PushQueueContract {

    private ChatFixture chat;

    @Override
    protected AdaptersUnderTest open() {
        chat = new ChatFixture();
        return new PostgresUnderTest(chat);
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

        assertThat(chat.rooms.unreadTotal(ann)).isEqualTo(3);
        assertThat(chat.rooms.unreadTotal(chat.user())).isZero();
    }
}
