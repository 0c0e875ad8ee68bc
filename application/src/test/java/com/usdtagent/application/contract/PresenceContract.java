package com.usdtagent.application.contract;

import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.PresenceChange;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Presence}: a user is online while a socket of theirs is open on a live node; of sockets opening or closing
 * at once exactly one changes the presence; a node that stops beating is swept once, with its users.
 */
public abstract class PresenceContract extends PortContract {

    private static final Duration SILENCE = Duration.ofSeconds(30);

    private Presence presence;

    @BeforeEach
    void ports() {
        if (presence == null) {
            presence = node();
        }
    }

    private Presence node() {
        return adapters.presence(UUID.randomUUID());
    }

    private static SocketId socket() {
        return new SocketId(UUID.randomUUID());
    }

    @Test
    void theFirstSocketBringsAUserOnlineAndTheLastTakesThemOffline() {
        UserId ann = user();
        SocketId phone = socket();
        SocketId laptop = socket();

        assertThat(presence.isOnline(ann)).isFalse();
        assertThat(presence.socketOpened(ann, phone, NOW)).isTrue();
        assertThat(presence.socketOpened(ann, laptop, NOW)).isFalse();
        assertThat(presence.isOnline(ann)).isTrue();

        assertThat(presence.socketClosed(ann, phone, NOW.plusSeconds(1))).isEmpty();
        assertThat(presence.isOnline(ann)).isTrue();
        assertThat(presence.socketClosed(ann, laptop, NOW.plusSeconds(2))).contains(NOW.plusSeconds(2));
        assertThat(presence.isOnline(ann)).isFalse();
        assertThat(presence.socketClosed(ann, laptop, NOW.plusSeconds(3))).isEmpty();
    }

    @Test
    void ofSocketsOpeningOrClosingAtOnceExactlyOneChangesThePresence() {
        UserId ann = user();
        List<SocketId> sockets = List.of(socket(), socket(), socket(), socket(), socket(), socket());

        List<Boolean> cameOnline = AtOnce.run(sockets.size(), i -> () -> adapters.transactions().inTransaction(
                () -> presence.socketOpened(ann, sockets.get(i), NOW)));
        List<Optional<Instant>> wentOffline = AtOnce.run(sockets.size(), i -> () ->
                presence.socketClosed(ann, sockets.get(i), NOW));

        assertThat(cameOnline).containsOnlyOnce(true);
        assertThat(wentOffline).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void aSocketOpeningWhileAnotherOfTheUserOpensWaitsAndDoesNotBringThemOnlineAgain() {
        UserId ann = user();

        List<Boolean> cameOnline = whileOpen(() -> presence.socketOpened(ann, socket(), NOW),
                () -> presence.socketOpened(ann, socket(), NOW));

        assertThat(cameOnline).containsExactly(true, false);
    }

    @Test
    void tellsWhoIsViewingARoom() {
        UserId ann = user();
        RoomId room = room(ann, user());
        SocketId phone = socket();
        presence.socketOpened(ann, phone, NOW);

        presence.startViewing(phone, room);
        presence.startViewing(phone, room);
        assertThat(presence.isViewing(ann, room)).isTrue();

        presence.stopViewing(phone, room);
        assertThat(presence.isViewing(ann, room)).isFalse();

        presence.startViewing(socket(), room);
        assertThat(presence.isViewing(ann, room)).isFalse();
    }

    @Test
    void closingASocketEndsItsViewing() {
        UserId ann = user();
        RoomId room = room(ann, user());
        SocketId phone = socket();
        presence.socketOpened(ann, phone, NOW);
        presence.startViewing(phone, room);

        presence.socketClosed(ann, phone, NOW);

        assertThat(presence.isViewing(ann, room)).isFalse();
    }

    @Test
    void sweepingASilentNodeTakesItsUsersOfflineOnceAndNoOneElse() {
        Presence silent = node();
        // its start beat at the adapter's clock; NOW is fixed when the test JVM first loads PortContract, which may
        // be longer than SILENCE ago when other test classes ran first
        silent.heartbeat(NOW);
        Presence live = node();
        Presence sweeper = node();
        Presence otherSweeper = node();
        UserId onlyOnSilent = user();
        UserId twiceOnSilent = user();
        UserId alsoOnLive = user();
        RoomId room = room(onlyOnSilent, twiceOnSilent);
        SocketId viewing = socket();
        silent.socketOpened(onlyOnSilent, viewing, NOW);
        silent.startViewing(viewing, room);
        silent.socketOpened(twiceOnSilent, socket(), NOW);
        silent.socketOpened(twiceOnSilent, socket(), NOW);
        silent.socketOpened(alsoOnLive, socket(), NOW);
        live.socketOpened(alsoOnLive, socket(), NOW);
        // a minute on, every node but the silent one has beaten
        Instant later = NOW.plus(Duration.ofMinutes(1));
        List.of(presence, live, sweeper, otherSweeper).forEach(node -> node.heartbeat(later));

        List<PresenceChange> swept = AtOnce.run(2, i -> () -> (i == 0 ? sweeper : otherSweeper)
                .sweepSilentNodes(SILENCE, later)).stream().flatMap(List::stream).toList();

        assertThat(swept).containsExactlyInAnyOrder(
                new PresenceChange(onlyOnSilent, false, later), new PresenceChange(twiceOnSilent, false, later));
        assertThat(presence.isOnline(onlyOnSilent)).isFalse();
        assertThat(presence.isOnline(twiceOnSilent)).isFalse();
        assertThat(presence.isOnline(alsoOnLive)).isTrue();
        assertThat(presence.isViewing(onlyOnSilent, room)).isFalse();
        assertThat(sweeper.sweepSilentNodes(SILENCE, later)).isEmpty();
    }
}
