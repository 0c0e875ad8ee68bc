package com.usdtagent.application.contract;

import com.usdtagent.application.push.DevicePlatform;
import com.usdtagent.application.push.Devices;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.application.push.PushQueue;
import com.usdtagent.application.push.QueuedPush;
import com.usdtagent.domain.account.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link PushQueue} and {@link Devices}: a row per device per push; a claimed row is leased to its claimer, so no two
 * claimers take it, and settling a claim that was overtaken changes nothing; a token that changes hands or goes
 * takes what is queued for it.
 */
public abstract class PushQueueContract extends PortContract {

    private static final Duration LEASE = Duration.ofMinutes(3);

    private PushQueue queue;
    private Devices devices;

    /** A claim takes every due row, whoever queued it. */
    @Override
    protected boolean freshForEachTest() {
        return true;
    }

    @BeforeEach
    void ports() {
        queue = adapters.pushQueue();
        devices = adapters.devices();
    }

    @Test
    void queuesOneRowPerDeviceTheRecipientHasAndKeepsTheComposedMessage() {
        UserId ann = user();
        String phone = token();
        String tablet = token();
        devices.register(ann, phone, DevicePlatform.ANDROID, NOW);
        devices.register(ann, tablet, DevicePlatform.IOS, NOW);
        devices.register(user(), token(), DevicePlatform.WEB, NOW);
        var message = new PushMessage("bob", "hi", Map.of("type", "message", "seq", "1"), "messages", "room-1", 3, null);
        var call = new PushMessage(null, null, Map.of("type", "incoming_call"), null, null, null, NOW.plusSeconds(30));

        queue.enqueue(ann, message, NOW);
        queue.enqueue(ann, call, NOW);
        List<QueuedPush> claimed = queue.claim(100, NOW, LEASE);

        assertThat(claimed).extracting(QueuedPush::deviceToken).containsExactlyInAnyOrder(phone, tablet, phone, tablet);
        assertThat(claimed).extracting(QueuedPush::message).containsOnly(message, call);
        assertThat(claimed).extracting(QueuedPush::attempt).containsOnly(1);
    }

    @Test
    void aClaimedRowIsNotDueAgainUntilItsLeaseEndsOrItsRetryTime() {
        String device = registered(user(), "ping");
        QueuedPush first = queue.claim(100, NOW, LEASE).getFirst();
        assertThat(first.deviceToken()).isEqualTo(device);

        assertThat(queue.claim(100, NOW.plusSeconds(60), LEASE)).isEmpty();
        QueuedPush afterLease = queue.claim(100, NOW.plus(LEASE), LEASE).getFirst();
        assertThat(afterLease.attempt()).isEqualTo(2);

        // the first claimer comes back late: its claim is gone, so it settles nothing
        queue.markSent(List.of(first));
        queue.retryAt(afterLease, NOW.plus(LEASE).plusSeconds(2), "UNAVAILABLE");
        QueuedPush third = queue.claim(100, NOW.plus(LEASE).plusSeconds(2), LEASE).getFirst();
        assertThat(third.attempt()).isEqualTo(3);
        queue.markSent(List.of(third));
        assertThat(queue.claim(100, NOW.plus(Duration.ofHours(1)), LEASE)).isEmpty();
    }

    @Test
    void aBatchOfSentRowsIsSettledAtOnceExceptAClaimTakenSince() {
        UserId ann = user();
        devices.register(ann, token(), DevicePlatform.ANDROID, NOW);
        queue.enqueue(ann, new PushMessage("t", "kept", Map.of(), null, null, null, null), NOW);
        queue.enqueue(ann, new PushMessage("t", "sent", Map.of(), null, null, null, null), NOW);
        List<QueuedPush> firstClaims = queue.claim(100, NOW, LEASE);
        List<QueuedPush> secondClaims = queue.claim(100, NOW.plus(LEASE), LEASE);
        QueuedPush staleKept = firstClaims.stream().filter(push -> push.message().body().equals("kept")).findFirst()
                .orElseThrow();
        QueuedPush sent = secondClaims.stream().filter(push -> push.message().body().equals("sent")).findFirst()
                .orElseThrow();

        queue.markSent(List.of(staleKept, sent));

        assertThat(queue.claim(100, NOW.plus(LEASE).plus(LEASE), LEASE))
                .extracting(push -> push.message().body(), QueuedPush::attempt).containsExactly(tuple("kept", 3));
        queue.markSent(List.of());
    }

    @Test
    void failedRowsAreNeverClaimedAgain() {
        registered(user(), "doomed");
        queue.markFailed(queue.claim(100, NOW, LEASE).getFirst(), "INVALID_ARGUMENT");

        assertThat(queue.claim(100, NOW.plus(Duration.ofHours(1)), LEASE)).isEmpty();
    }

    @Test
    void claimsTheLongestDueFirstAndNoMoreThanAsked() {
        UserId ann = user();
        String device = token();
        devices.register(ann, device, DevicePlatform.ANDROID, NOW);
        for (int i = 0; i < 3; i++) {
            queue.enqueue(ann, new PushMessage("t", "due " + i, Map.of(), null, null, null, null), NOW.plusSeconds(i));
        }

        assertThat(queue.claim(2, NOW.plusSeconds(5), LEASE)).extracting(push -> push.message().body())
                .containsExactlyInAnyOrder("due 0", "due 1");
        assertThat(queue.claim(2, NOW.plusSeconds(5), LEASE)).extracting(push -> push.message().body())
                .containsExactly("due 2");
    }

    @Test
    void concurrentClaimersNeverTakeTheSameRow() {
        UserId ann = user();
        for (int i = 0; i < 20; i++) {
            devices.register(ann, token(), DevicePlatform.ANDROID, NOW);
        }
        for (int i = 0; i < 10; i++) {
            queue.enqueue(ann, new PushMessage("t", "b" + i, Map.of(), null, null, null, null), NOW);
        }

        List<List<QueuedPush>> claims = AtOnce.run(8, i -> () -> {
            List<QueuedPush> mine = new ArrayList<>();
            List<QueuedPush> batch;
            while (!(batch = queue.claim(7, NOW, LEASE)).isEmpty()) {
                mine.addAll(batch);
            }
            return mine;
        });

        Set<Long> ids = new HashSet<>();
        claims.forEach(claim -> claim.forEach(push -> assertThat(ids.add(push.id())).as("claimed twice").isTrue()));
        assertThat(ids).hasSize(200);
    }

    @Test
    void aBatchQueuesEachMessageForEachDeviceOfItsRecipientInOneCall() {
        UserId ann = user();
        UserId bob = user();
        String annsPhone = registered(ann, "first");
        String annsTablet = token();
        devices.register(ann, annsTablet, DevicePlatform.IOS, NOW);
        String bobsPhone = token();
        devices.register(bob, bobsPhone, DevicePlatform.ANDROID, NOW);
        queue.claim(100, NOW, LEASE).forEach(push -> queue.markSent(List.of(push)));

        var toAnn = new PushMessage("t", "to ann", Map.of("k", "v"), "chat", "room-1", 4, null);
        var toBob = new PushMessage("t", "to bob", Map.of(), null, null, 1, NOW.plusSeconds(60));
        queue.enqueue(List.of(new PushQueue.Addressed(ann, toAnn), new PushQueue.Addressed(bob, toBob),
                new PushQueue.Addressed(user(), new PushMessage("t", "no device", Map.of(), null, null, null, null))), NOW);

        assertThat(queue.claim(100, NOW, LEASE)).extracting(QueuedPush::deviceToken, QueuedPush::message)
                .containsExactlyInAnyOrder(tuple(annsPhone, toAnn), tuple(annsTablet, toAnn), tuple(bobsPhone, toBob));
    }

    @Test
    void aTokenRegisteredByAnotherUserMovesToThemWithoutThePreviousOwnersPushes() {
        UserId ann = user();
        UserId bob = user();
        String shared = registered(ann, "for ann");

        devices.register(bob, shared, DevicePlatform.ANDROID, NOW);
        queue.enqueue(ann, new PushMessage("t", "ann again", Map.of(), null, null, null, null), NOW);
        queue.enqueue(bob, new PushMessage("t", "for bob", Map.of(), null, null, null, null), NOW);

        assertThat(queue.claim(100, NOW, LEASE)).extracting(push -> push.message().body()).containsExactly("for bob");
    }

    @Test
    void registeringATokenAgainKeepsWhatIsQueuedForItsOwner() {
        UserId ann = user();
        String phone = registered(ann, "still for ann");

        devices.register(ann, phone, DevicePlatform.IOS, NOW.plusSeconds(1));

        assertThat(queue.claim(100, NOW, LEASE)).extracting(push -> push.message().body()).containsExactly("still for ann");
    }

    @Test
    void queueingJoinsTheCallersTransaction() {
        UserId ann = user();
        devices.register(ann, token(), DevicePlatform.ANDROID, NOW);

        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            queue.enqueue(ann, new PushMessage("t", "about a message never sent", Map.of(), null, null, null, null), NOW);
            throw new IllegalStateException("the send fails after queueing its push");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(queue.claim(100, NOW, LEASE)).isEmpty();
    }

    @Test
    void forgettingOrPruningATokenDropsWhatIsQueuedForIt() {
        UserId ann = user();
        String forgotten = registered(ann, "to a signed-out phone");
        String pruned = registered(ann, "to an uninstalled app");

        devices.forget(user(), forgotten);    // not theirs: nothing happens
        devices.forget(ann, forgotten);
        devices.prune(pruned);
        queue.enqueue(ann, new PushMessage("t", "nobody hears", Map.of(), null, null, null, null), NOW);

        assertThat(queue.claim(100, NOW, LEASE)).isEmpty();
    }

    /** A new device of the user with one push queued for it, due at NOW. */
    private String registered(UserId user, String body) {
        String token = token();
        devices.register(user, token, DevicePlatform.ANDROID, NOW);
        queue.enqueue(user, new PushMessage("t", body, Map.of(), null, null, null, null), NOW);
        return token;
    }

    private static String token() {
        return "tok-" + UUID.randomUUID();
    }
}
