package com.usdtagent.persistence;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.OffersContract;

class JdbiOffersTest extends OffersContract {

    @Override
    protected AdaptersUnderTest open() {
        return new PostgresUnderTest();
    }
}
