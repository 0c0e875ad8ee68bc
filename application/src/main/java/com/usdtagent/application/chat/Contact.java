package com.usdtagent.application.chat;

import com.usdtagent.domain.account.PublicProfile;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;

import java.time.Instant;

/** The other member of a room as the viewer sees them: public profile and presence, nothing private. */
public record Contact(UserId id, Username username, Role role, boolean online, Instant lastSeenAt) {

    public PublicProfile publicProfile() {
        return new PublicProfile(id, username, role);
    }
}
