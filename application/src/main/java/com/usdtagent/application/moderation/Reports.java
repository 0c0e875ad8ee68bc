package com.usdtagent.application.moderation;

import java.util.List;

/** The stored reports. */
public interface Reports {

    void add(Report report);

    /** The newest {@code limit} reports, newest first. */
    List<Report> latest(int limit);
}
