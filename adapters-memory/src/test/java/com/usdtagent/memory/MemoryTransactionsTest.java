package com.usdtagent.memory;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.TransactionsContract;

class MemoryTransactionsTest extends TransactionsContract {

    @Override
    protected AdaptersUnderTest open() {
        return new MemoryUnderTest();
    }
}
