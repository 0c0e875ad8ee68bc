package com.usdtagent.application.contract;

import com.usdtagent.application.moderation.Report;
import com.usdtagent.application.moderation.Reports;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Reports}: kept whole, listed newest first. */
public abstract class ReportsContract extends PortContract {

    @Override
    protected boolean freshForEachTest() {
        return true;
    }

    @Test
    void keepsReportsWithAndWithoutARoomAndListsTheNewestFirst() {
        Reports reports = adapters.reports();
        var plain = new Report(UUID.randomUUID(), user(), user(), null, null, "spam in every room", NOW);
        var pointed = new Report(UUID.randomUUID(), user(), user(), new RoomId(UUID.randomUUID()),
                new MessageId(UUID.randomUUID()), "asked to pay outside", NOW.plusSeconds(1));

        reports.add(plain);
        reports.add(pointed);

        assertThat(reports.latest(10)).containsExactly(pointed, plain);
        assertThat(reports.latest(1)).containsExactly(pointed);
    }
}
