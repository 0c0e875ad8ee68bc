package com.usdtagent.domain.chat;

/** What a message is: a person's text, a note from the marketplace (an order step), or the record of a call. */
public enum MessageType {
    TEXT, SYSTEM, CALL
}
