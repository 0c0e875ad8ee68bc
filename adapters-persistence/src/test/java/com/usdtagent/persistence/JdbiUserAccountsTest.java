package com.usdtagent.persistence;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.UserAccountsContract;

class JdbiUserAccountsTest extends UserAccountsContract {

    @Override
    protected AdaptersUnderTest open() {
        return new PostgresUnderTest();
    }
}
