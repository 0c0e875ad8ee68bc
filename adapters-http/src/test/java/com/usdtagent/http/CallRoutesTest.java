package com.usdtagent.http;

import com.usdtagent.application.call.CallPage;
import com.usdtagent.application.call.CallView;
import com.usdtagent.application.call.ListCalls;
import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CallRoutesTest extends RunningServerTest {

    @Test
    void listsTheCallersCallsWithTheQueryTheyAskedFor() {
        var caller = new PublicProfile(TestServer.CALLER.id(), new Username("alice"), Role.USER);
        var agent = new PublicProfile(UserId.newId(), new Username("bob_agent"), Role.AGENT);
        var room = RoomId.newId();
        var call = CallSession.ring(room, caller.id(), agent.id(), Instant.parse("2026-01-01T10:00:00Z"), new SecureRandom())
                .miss(Instant.parse("2026-01-01T10:00:45Z"));
        var asked = new AtomicReference<ListCalls.Query>();
        server.listCalls = (user, query) -> {
            asked.set(query);
            return new CallPage(List.of(new CallView(call, caller, agent)), true);
        };

        var response = server.getAsCaller("/api/calls?roomId=" + room + "&before=" + call.id() + "&limit=5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(asked.get()).isEqualTo(new ListCalls.Query(Optional.of(room),
                Optional.of(call.id()), 5));
        var body = server.json(response);
        assertThat(body.path("hasMore").asBoolean()).isTrue();
        var first = body.path("calls").path(0);
        assertThat(first.path("callId").asText()).isEqualTo(call.id().toString());
        assertThat(first.path("status").asText()).isEqualTo("missed");
        assertThat(first.path("callee").path("username").asText()).isEqualTo("bob_agent");
        assertThat(first.path("endedAt").asText()).isEqualTo("2026-01-01T10:00:45Z");
        assertThat(first.path("durationSeconds").asLong()).isZero();
        assertThat(first.toString()).doesNotContain("channel", "phone");
    }

    @Test
    void refusesABadCursorOrLimit() {
        assertThat(server.getAsCaller("/api/calls?before=nope").statusCode()).isEqualTo(400);
        assertThat(server.getAsCaller("/api/calls?limit=0").statusCode()).isEqualTo(400);
        assertThat(server.getAsCaller("/api/calls?limit=x").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/calls").statusCode()).isEqualTo(401);
    }
}
