package com.usdtagent.application.contract;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Blocks}: one block per pair and direction, seen from both sides. */
public abstract class BlocksContract extends PortContract {

    private Blocks blocks;

    @BeforeEach
    void ports() {
        blocks = adapters.blocks();
    }

    @Test
    void aBlockIsSeenInEitherDirectionAndListedByItsBlocker() {
        UserId ann = user();
        UserId bob = user();
        UserId cid = user();

        blocks.add(ann, bob, NOW);
        blocks.add(ann, cid, NOW.plusSeconds(1));
        blocks.add(ann, bob, NOW.plusSeconds(2));

        assertThat(blocks.between(ann, bob)).isTrue();
        assertThat(blocks.between(bob, ann)).isTrue();
        assertThat(blocks.between(bob, cid)).isFalse();
        assertThat(blocks.of(ann)).containsExactly(new Blocks.Block(cid, NOW.plusSeconds(1)), new Blocks.Block(bob, NOW));
        assertThat(blocks.of(bob)).isEmpty();
        assertThat(blocks.blockersOf(bob)).containsExactly(ann);
        assertThatThrownBy(() -> blocks.refuseIfBlocked(bob, ann))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void anUnblockedPairIsFreeAgainUnlessTheOtherBlockedToo() {
        UserId ann = user();
        UserId bob = user();
        blocks.add(ann, bob, NOW);
        blocks.add(bob, ann, NOW);

        blocks.remove(ann, bob);

        assertThat(blocks.between(ann, bob)).isTrue();
        assertThat(blocks.blockersOf(bob)).isEmpty();
        blocks.remove(bob, ann);
        assertThat(blocks.between(ann, bob)).isFalse();
        blocks.remove(bob, ann);
    }

    @Test
    void aBatchAsksOnceWhichOfItsPairsAreBlocked() {
        UserId ann = user();
        UserId bob = user();
        UserId cid = user();
        blocks.add(bob, ann, NOW);

        var annBob = new Blocks.Pair(ann, bob);
        var cidAnn = new Blocks.Pair(cid, ann);
        var bobCid = new Blocks.Pair(bob, cid);

        assertThat(blocks.blockedAmong(List.of(annBob, cidAnn, bobCid, annBob))).containsExactly(annBob);
        assertThat(blocks.blockedAmong(List.of())).isEmpty();
    }
}
