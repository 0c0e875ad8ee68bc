package com.usdtagent.persistence;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.LedgerContract;

class JdbiLedgerTest extends LedgerContract {

    @Override
    protected AdaptersUnderTest open() {
        return new PostgresUnderTest();
    }
}
