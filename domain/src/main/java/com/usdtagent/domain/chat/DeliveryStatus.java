package com.usdtagent.domain.chat;

/** The ticks of a message: one grey (sent), two grey (delivered), two blue (read). */
public enum DeliveryStatus {
    SENT, DELIVERED, READ
}
