package com.usdtagent.memory;

import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.contract.RoomListContract;

class MemoryRoomListTest extends RoomListContract {

    @Override
    protected AdaptersUnderTest open() {
        return new MemoryUnderTest();
    }
}
