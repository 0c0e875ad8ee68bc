package com.usdtagent.persistence;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.ChatRoomsContract;

class JdbiChatRoomsTest extends ChatRoomsContract {

    @Override
    protected AdaptersUnderTest open() {
        return new PostgresUnderTest();
    }
}
