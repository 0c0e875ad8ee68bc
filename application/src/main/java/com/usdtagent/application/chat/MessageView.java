package com.usdtagent.application.chat;

import com.usdtagent.domain.chat.DeliveryStatus;
import com.usdtagent.domain.chat.Message;

/** A message with its ticks as they stand now. */
public record MessageView(Message message, DeliveryStatus status) {
}
