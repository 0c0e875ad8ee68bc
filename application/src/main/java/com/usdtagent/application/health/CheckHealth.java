package com.usdtagent.application.health;

/** Whether this node can serve: true when its database answers. */
public interface CheckHealth {

    boolean healthy();
}
