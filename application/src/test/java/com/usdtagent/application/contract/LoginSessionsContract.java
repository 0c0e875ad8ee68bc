package com.usdtagent.application.contract;

import com.usdtagent.application.account.LoginSessions;
import com.usdtagent.domain.account.LoginSession;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LoginSessions}: a session is found by its id and by every refresh hash it was ever given. */
public abstract class LoginSessionsContract extends PortContract {

    private LoginSessions sessions;

    @BeforeEach
    void ports() {
        sessions = adapters.loginSessions();
    }

    @Test
    void findsAnAddedSessionByIdAndByItsRefreshHash() {
        LoginSession session = LoginSession.open(user(), "hash-1", "Firefox", NOW);
        sessions.add(session);

        assertThat(sessions.find(session.id())).contains(session);
        assertThat(inTransaction(() -> sessions.lockByRefreshHash("hash-1"))).contains(session);
        assertThat(sessions.find(SessionId.newId())).isEmpty();
        assertThat(inTransaction(() -> sessions.lockByRefreshHash("no-such-hash"))).isEmpty();
    }

    @Test
    void findsTheSessionsOfManyIdsAtOnceLeavingOutUnknownOnes() {
        LoginSession phone = LoginSession.open(user(), "phone", "phone", NOW);
        LoginSession laptop = LoginSession.open(user(), "laptop", "laptop", NOW);
        sessions.add(phone);
        sessions.add(laptop);
        sessions.update(laptop.revoked(NOW.plusSeconds(5)));

        assertThat(sessions.findAll(List.of(phone.id(), SessionId.newId(), laptop.id())))
                .containsExactlyInAnyOrder(phone, laptop.revoked(NOW.plusSeconds(5)));
        assertThat(sessions.findAll(List.of())).isEmpty();
    }

    @Test
    void aRefreshedSessionIsStillFoundByTheHashesItHadBefore() {
        LoginSession session = LoginSession.open(user(), "before", "", NOW);
        sessions.add(session);
        LoginSession refreshed = session.refreshed("after", NOW.plusSeconds(60));

        sessions.update(refreshed);

        assertThat(sessions.find(session.id())).contains(refreshed);
        assertThat(inTransaction(() -> sessions.lockByRefreshHash("before"))).contains(refreshed);
        assertThat(inTransaction(() -> sessions.lockByRefreshHash("after"))).contains(refreshed);
    }

    @Test
    void listsTheUsersUnrevokedSessionsMostRecentlyUsedFirst() {
        UserId ann = user();
        LoginSession older = LoginSession.open(ann, "older", "phone", NOW);
        LoginSession newer = LoginSession.open(ann, "newer", "laptop", NOW.plusSeconds(10));
        LoginSession revoked = LoginSession.open(ann, "revoked", "tablet", NOW.plusSeconds(20));
        sessions.add(older);
        sessions.add(newer);
        sessions.add(revoked);
        sessions.add(LoginSession.open(user(), "someone-else", "", NOW));

        sessions.update(revoked.revoked(NOW.plusSeconds(30)));

        assertThat(sessions.unrevokedOf(ann)).containsExactly(newer, older);
        assertThat(sessions.find(revoked.id()).orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void deletesTheSessionsLastUsedBeforeACutoffWithTheirRefreshHashes() {
        UserId ann = user();
        LoginSession idle = LoginSession.open(ann, "idle", "", NOW);
        LoginSession revoked = LoginSession.open(ann, "revoked-long-ago", "", NOW);
        LoginSession refreshed = LoginSession.open(ann, "refreshed-before", "", NOW);
        List.of(idle, revoked, refreshed).forEach(sessions::add);
        sessions.update(revoked.revoked(NOW.plusSeconds(1)));
        LoginSession kept = refreshed.refreshed("refreshed-after", NOW.plusSeconds(300));
        sessions.update(kept);

        sessions.deleteUsedLastBefore(NOW.plusSeconds(200));

        assertThat(sessions.find(idle.id())).isEmpty();
        assertThat(sessions.find(revoked.id())).isEmpty();
        assertThat(inTransaction(() -> sessions.lockByRefreshHash("revoked-long-ago"))).isEmpty();
        assertThat(sessions.unrevokedOf(ann)).containsExactly(kept);
        assertThat(inTransaction(() -> sessions.lockByRefreshHash("refreshed-before"))).contains(kept);
    }

    @Test
    void aRefreshWaitsForAnotherRefreshOfTheSameSession() {
        LoginSession session = LoginSession.open(user(), "raced", "", NOW);
        sessions.add(session);

        List<String> seen = whileOpen(() -> {
            LoginSession locked = sessions.lockByRefreshHash("raced").orElseThrow();
            sessions.update(locked.refreshed("won", NOW.plusSeconds(1)));
            return locked.refreshHash();
        }, () -> sessions.lockByRefreshHash("raced").orElseThrow().refreshHash());

        // the second saw the first's rotation, so it knows "raced" is a used token
        assertThat(seen).containsExactly("raced", "won");
    }

    private <T> T inTransaction(Supplier<T> work) {
        return adapters.transactions().inTransaction(work);
    }
}
