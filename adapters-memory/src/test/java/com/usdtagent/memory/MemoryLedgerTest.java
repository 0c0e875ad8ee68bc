package com.usdtagent.memory;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.LedgerContract;

class MemoryLedgerTest extends LedgerContract {

    @Override
    protected AdaptersUnderTest open() {
        return new MemoryUnderTest();
    }
}
