package com.usdtagent.domain.chat;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatRoomTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final PublicProfile user = profile("user_a", Role.USER);
    private final PublicProfile otherUser = profile("user_b", Role.USER);
    private final PublicProfile agent = profile("agent_a", Role.AGENT);
    private final PublicProfile otherAgent = profile("agent_b", Role.AGENT);
    private final PublicProfile admin = profile("admin", Role.ADMIN);

    @Test
    void aUserAndAnAgentMayShareARoomWhoeverOpensIt() {
        assertThat(ChatRoom.open(user, agent, NOW).hasMember(agent.id())).isTrue();
        assertThat(ChatRoom.open(agent, user, NOW).hasMember(user.id())).isTrue();
    }

    @Test
    void anAdminMayOpenARoomWithAnyone() {
        assertThat(ChatRoom.open(admin, user, NOW).opponentOf(admin.id())).isEqualTo(user.id());
        assertThat(ChatRoom.open(agent, admin, NOW).opponentOf(admin.id())).isEqualTo(agent.id());
    }

    @Test
    void twoUsersTwoAgentsOrOneselfAreForbidden() {
        assertForbidden(user, otherUser);
        assertForbidden(agent, otherAgent);
        assertForbidden(user, user);
    }

    @Test
    void onlyMembersGetIn() {
        var room = ChatRoom.open(user, agent, NOW);

        assertThatThrownBy(() -> room.requireMember(otherUser.id()))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(room.nextSeq()).isEqualTo(1);
    }

    private static void assertForbidden(PublicProfile opener, PublicProfile other) {
        assertThatThrownBy(() -> ChatRoom.open(opener, other, NOW))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    private static PublicProfile profile(String name, Role role) {
        return new PublicProfile(UserId.newId(), new Username(name), role);
    }
}
