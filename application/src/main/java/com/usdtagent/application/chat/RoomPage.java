package com.usdtagent.application.chat;

import java.util.List;

public record RoomPage(List<RoomSummary> rooms, int page, int limit, long total, boolean hasMore) {
}
