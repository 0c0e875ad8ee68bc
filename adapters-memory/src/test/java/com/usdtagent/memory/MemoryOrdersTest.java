package com.usdtagent.memory;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.OrdersContract;

class MemoryOrdersTest extends OrdersContract {

    @Override
    protected AdaptersUnderTest open() {
        return new MemoryUnderTest();
    }
}
