package com.usdtagent.persistence;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.OrdersContract;

class JdbiOrdersTest extends OrdersContract {

    @Override
    protected AdaptersUnderTest open() {
        return new PostgresUnderTest();
    }
}
