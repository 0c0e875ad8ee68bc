package com.usdtagent.domain.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameStaffTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Admin_", "adm1n", "4dmin", "aadmin", "Administrator", "suppport", "SUPPORT.desk",
            "system", "syst3m", "system_", "moderator", "m0d3rator", "official_news", "help.desk"})
    void namesThatPassForStaff(String name) {
        assertThat(Username.impersonatesStaff(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "badminton", "bob_agent", "mode_agent_1", "ecosystem_fan", "mysystem"})
    void ordinaryNames(String name) {
        assertThat(Username.impersonatesStaff(name)).isFalse();
    }
}
