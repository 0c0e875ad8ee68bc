package com.usdtagent.application.call;

import java.util.List;

/** Calls newest first; {@code hasMore} when older ones exist. */
public record CallPage(List<CallView> calls, boolean hasMore) {
}
