package com.usdtagent.domain.chat;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdTest {

    @Test
    void aNewIdIsAVersion7UuidThatStartsWithTheTimeItWasMade() {
        long before = System.currentTimeMillis();
        UUID id = MessageId.newId().value();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void idsMadeLaterSortAfterEarlierOnes() throws InterruptedException {
        UUID earlier = MessageId.newId().value();
        Thread.sleep(2);
        UUID later = MessageId.newId().value();

        // as PostgreSQL orders uuids: byte by byte, unsigned
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits()))
                .isPositive();
    }

    @Test
    void idsMadeInTheSameMillisecondStillDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int n = 0; n < 100_000; n++) {
            ids.add(MessageId.newId().value());
        }
        assertThat(ids).hasSize(100_000);
    }
}
