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
    void theWriterOfATextHasReadTheRoomUpToIt() {
        assertThat(new ReadPointers(6, 2).posted(MessageType.TEXT, 7)).isEqualTo(new ReadPointers(7, 7));
    }

    @Test
    void aSystemOrCallMessageIsReadByWhoCausedItOnlyWhenTheyHadReadEverythingBefore() {
        for (MessageType caused : new MessageType[] {MessageType.SYSTEM, MessageType.CALL}) {
            assertThat(new ReadPointers(6, 6).posted(caused, 7)).as(caused + " when caught up")
                    .isEqualTo(new ReadPointers(7, 7));
            // marking 7 read would mark the unread 3..6 read with it, unseen; so 7 counts among the unread
            assertThat(new ReadPointers(6, 2).posted(caused, 7)).as(caused + " with unread")
                    .isEqualTo(new ReadPointers(6, 2));
        }
    }

    @Test
    void aTextArrivesReadForAViewerDeliveredForAnOnlineMemberAndSentOtherwise() {
        var pointers = new ReadPointers(4, 4);

        assertThat(pointers.arrived(MessageType.TEXT, 5, true, true)).isEqualTo(new ReadPointers(5, 5));
        assertThat(pointers.arrived(MessageType.TEXT, 5, true, false)).isEqualTo(new ReadPointers(5, 4));
        assertThat(pointers.arrived(MessageType.TEXT, 5, false, false)).isEqualTo(pointers);
    }

    @Test
    void systemAndCallMessagesAreReadByAViewerAndWaitForTheReceiptOfAnyOtherMember() {
        var pointers = new ReadPointers(4, 4);

        for (MessageType note : new MessageType[] {MessageType.SYSTEM, MessageType.CALL}) {
            assertThat(pointers.arrived(note, 5, true, true)).as(note + " to a viewer").isEqualTo(new ReadPointers(5, 5));
            assertThat(pointers.arrived(note, 5, true, false)).as(note + " online").isEqualTo(pointers);
            assertThat(pointers.arrived(note, 5, false, false)).as(note + " offline").isEqualTo(pointers);
        }
    }

    @Test
    void readCannotRunAheadOfDelivered() {
        assertThatThrownBy(() -> new ReadPointers(2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
