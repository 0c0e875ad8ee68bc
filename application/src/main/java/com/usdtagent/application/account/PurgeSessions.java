package com.usdtagent.application.account;

/** On a timer: forgets sessions that ended at least a session lifetime ago, so the table does not grow for ever. */
public interface PurgeSessions {

    void purge();
}
