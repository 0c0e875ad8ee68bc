package com.usdtagent.push;

import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;
import com.usdtagent.application.push.PushMessage;
import com.usdtagent.application.push.PushOutcome;
import com.usdtagent.application.push.PushSender;
import com.usdtagent.application.push.QueuedPush;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sends through firebase-admin's {@code sendEach}: one HTTP/1.1 request per push to FCM's v1 API, in parallel on the
 * app's threads. firebase-admin itself retries a 503 a few times within one call; what still fails comes back as a
 * retryable outcome for the outbox to try again later.
 */
final class FcmPushSender implements PushSender {

    private static final Set<ErrorCode> TRANSIENT = Set.of(ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL,
            ErrorCode.RESOURCE_EXHAUSTED, ErrorCode.DEADLINE_EXCEEDED, ErrorCode.UNKNOWN);

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;
    private final Clock clock;

    FcmPushSender(FirebaseApp app, Clock clock) {
        this.app = app;
        this.messaging = FirebaseMessaging.getInstance(app);
        this.clock = clock;
    }

    @Override
    public List<PushOutcome> send(List<QueuedPush> pushes) {
        Instant now = clock.instant();
        List<Message> messages = pushes.stream().map(push -> toMessage(push, now)).toList();
        try {
            BatchResponse batch = messaging.sendEach(messages);
            return batch.getResponses().stream().map(FcmPushSender::outcomeOf).toList();
        } catch (FirebaseMessagingException wholeBatch) {
            // sendEach reports per message; this is the call itself failing, which says nothing against any push
            return Collections.nCopies(pushes.size(), outcomeOf(wholeBatch));
        }
    }

    static Message toMessage(QueuedPush push, Instant now) {
        PushMessage content = push.message();
        var message = Message.builder().setToken(push.deviceToken()).putAllData(content.data());
        var android = AndroidConfig.builder().setPriority(AndroidConfig.Priority.HIGH);
        var apns = ApnsConfig.builder();
        var aps = Aps.builder();
        if (content.expiresAt() != null) {
            android.setTtl(Math.max(0, Duration.between(now, content.expiresAt()).toMillis()));
            apns.putHeader("apns-expiration", Long.toString(content.expiresAt().getEpochSecond()));
        }
        if (content.isNotification()) {
            message.setNotification(Notification.builder().setTitle(content.title()).setBody(content.body()).build());
            android.setNotification(AndroidNotification.builder().setChannelId(content.channel()).build());
            aps.setSound("default").setThreadId(content.threadId());
            if (content.badge() != null) {
                aps.setBadge(content.badge());
            }
        } else {
            // data for the app alone: APNs takes a background push only at priority 5
            aps.setContentAvailable(true);
            apns.putHeader("apns-push-type", "background").putHeader("apns-priority", "5");
        }
        return message.setAndroidConfig(android.build()).setApnsConfig(apns.setAps(aps.build()).build()).build();
    }

    private static PushOutcome outcomeOf(SendResponse response) {
        return response.isSuccessful() ? PushOutcome.SENT : outcomeOf(response.getException());
    }

    static PushOutcome outcomeOf(FirebaseMessagingException failure) {
        MessagingErrorCode fcmCode = failure.getMessagingErrorCode();
        if (fcmCode != null) {
            return new PushOutcome(switch (fcmCode) {
                case UNREGISTERED, SENDER_ID_MISMATCH -> PushOutcome.Result.TOKEN_INVALID;
                // INVALID_ARGUMENT also covers a bad payload, which must not cost anybody their token
                case INVALID_ARGUMENT -> isAboutTheToken(failure)
                        ? PushOutcome.Result.TOKEN_INVALID : PushOutcome.Result.FAILED;
                case QUOTA_EXCEEDED, UNAVAILABLE, INTERNAL -> PushOutcome.Result.RETRYABLE;
                case THIRD_PARTY_AUTH_ERROR -> PushOutcome.Result.FAILED;
            }, fcmCode.name());
        }
        // no FCM code: an HTTP status without FCM's error body, or no answer at all (network, OAuth token)
        ErrorCode code = failure.getErrorCode();
        return new PushOutcome(TRANSIENT.contains(code) ? PushOutcome.Result.RETRYABLE : PushOutcome.Result.FAILED,
                code.name());
    }

    /** FCM says "The registration token is not a valid FCM registration token" for a malformed token. */
    private static boolean isAboutTheToken(FirebaseMessagingException failure) {
        String message = failure.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("registration token");
    }

    @Override
    public void close() {
        app.delete();
    }
}
