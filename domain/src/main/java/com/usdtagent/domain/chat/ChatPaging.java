package com.usdtagent.domain.chat;

/**
 * How much one request of the chat protocol may ask for: the room list's search and pages, and history pages. Every
 * adapter that takes such a request checks it against these; the sizes of a message are on {@link Message}.
 */
public final class ChatPaging {

    public static final int MAX_SEARCH_LENGTH = 100;
    /** Far beyond any real room list; keeps the offset a page starts at small. */
    public static final int MAX_PAGE = 1_000_000;
    /** The most rooms or messages one page holds. */
    public static final int MAX_LIMIT = 100;
    /** Rooms in a page when the request names no limit, and in the page sent on connect. */
    public static final int DEFAULT_ROOM_LIMIT = 20;
    /** Messages in a history page when the request names no limit. */
    public static final int DEFAULT_HISTORY_LIMIT = 30;

    private ChatPaging() {
    }
}
