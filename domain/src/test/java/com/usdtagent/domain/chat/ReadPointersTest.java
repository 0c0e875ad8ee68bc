package com.usdtagent.domain.chat;

import org.junit.jupiter.api.Test;

import static com.usdtagent.domain.chat.DeliveryStatus.DELIVERED;
import static com.usdtagent.domain.chat.DeliveryStatus.READ;
import static com.usdtagent.domain.chat.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadPointersTest {

    @Test
    void pointersOnlyMoveForwardWhateverOrderReceiptsArriveIn() {
        var pointers = ReadPointers.NOTHING.read(7).delivered(3).read(5).delivered(9);

        assertThat(pointers).isEqualTo(new ReadPointers(9, 7));
    }

    @Test
    void readingImpliesDelivery() {
        assertThat(ReadPointers.NOTHING.read(4)).isEqualTo(new ReadPointers(4, 4));
        assertThat(ReadPointers.NOTHING.advance(READ, 2).advance(DELIVERED, 1)).isEqualTo(new ReadPointers(2, 2));
    }

    @Test
    void theTicksOfAMessageFollowTheRecipientsPointers() {
        var pointers = new ReadPointers(5, 3);

        assertThat(pointers.statusOf(3)).isEqualTo(READ);
        assertThat(pointers.statusOf(4)).isEqualTo(DELIVERED);
        assertThat(pointers.statusOf(6)).isEqualTo(SENT);
    }

    @Test
    void unreadIsWhatLiesBeyondTheReadPointer() {
        assertThat(new ReadPointers(5, 3).unreadOf(8)).isEqualTo(5);
        assertThat(new ReadPointers(8, 8).unreadOf(8)).isZero();
    }

    @Test
    void readCannotRunAheadOfDelivered() {
        assertThatThrownBy(() -> new ReadPointers(2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
