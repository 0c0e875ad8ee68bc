package com.usdtagent.memory;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.MessagesContract;

class MemoryMessagesTest extends MessagesContract {

    @Override
    protected AdaptersUnderTest open() {
        return new MemoryUnderTest();
    }
}
