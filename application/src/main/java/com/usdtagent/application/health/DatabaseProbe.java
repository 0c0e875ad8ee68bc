package com.usdtagent.application.health;

public interface DatabaseProbe {

    /** True when a trivial query returns within a short time. */
    boolean answers();
}
