package com.usdtagent.application.push;

import com.usdtagent.domain.attachment.AttachmentKind;
import com.usdtagent.domain.chat.Message;

import java.time.Instant;
import java.util.Map;

/** Says what each kind of push shows. Never a phone number; message text only when previews are on. */
public final class PushContents {

    static final int MAX_BODY_CODE_POINTS = 120;
    static final String MESSAGES_CHANNEL = "messages";
    static final String ORDERS_CHANNEL = "orders";
    static final String WALLET_CHANNEL = "wallet";

    private final boolean showPreview;

    /** @param showPreview false: a message's push says "New message" instead of its text */
    public PushContents(boolean showPreview) {
        this.showPreview = showPreview;
    }

    public PushMessage compose(PushNotification notification, int badge, Instant now) {
        return switch (notification) {
            case PushNotification.NewMessage m -> new PushMessage(m.sender().username().value(), bodyOf(m.message()),
                    Map.of("type", "message", "roomId", m.message().roomId().toString(),
                            "messageId", m.message().id().toString(), "seq", Long.toString(m.message().seq())),
                    MESSAGES_CHANNEL, m.message().roomId().toString(), badge, null);
            case PushNotification.IncomingCall c -> new PushMessage(null, null,
                    Map.of("type", "incoming_call", "callId", c.callId(), "roomId", c.roomId().toString(),
                            "callerName", c.callerName()),
                    null, null, null, now.plus(c.ringTimeout()));
            case PushNotification.OrderChanged o -> new PushMessage("Order update", "Your order is now " + o.status(),
                    Map.of("type", "order", "orderId", o.orderId(), "status", o.status()),
                    ORDERS_CHANNEL, o.orderId(), badge, null);
            case PushNotification.DepositCredited d -> new PushMessage("Deposit received",
                    d.amount() + " USDT is in your wallet", Map.of("type", "deposit", "txHash", d.txHash(),
                    "amount", d.amount()), WALLET_CHANNEL, null, badge, null);
        };
    }

    private String bodyOf(Message message) {
        return switch (message.type()) {
            case CALL -> "Voice call";
            case TEXT, SYSTEM -> !showPreview ? "New message"
                    : message.text().isBlank() && !message.attachments().isEmpty() ? filesOf(message)
                    : shortened(message.text());
        };
    }

    /** What a message of files alone shows: "Photo" when they are all images, else "File". */
    private static String filesOf(Message message) {
        boolean images = message.attachments().stream().allMatch(file -> file.kind() == AttachmentKind.IMAGE);
        return images ? "Photo" : "File";
    }

    /** Cut on a code point, never inside an emoji's surrogate pair. */
    static String shortened(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) <= MAX_BODY_CODE_POINTS) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, MAX_BODY_CODE_POINTS - 1)).stripTrailing() + "…";
    }
}
