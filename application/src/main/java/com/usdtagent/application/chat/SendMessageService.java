package com.usdtagent.application.chat;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.GroupCommit;
import com.usdtagent.application.shared.Transactions;

import java.time.Clock;
import java.util.List;

/**
 * Stores sends in group commits: the sends that arrive while a batch is being written go together in the next one
 * ({@link SendBatch}), which locks their rooms, stores their messages and moves their pointers in a handful of
 * statements and one commit. Each sender still gets their answer only once their message is committed.
 */
public final class SendMessageService implements SendMessage, AutoCloseable {

    /** Batches in flight at once, over different rooms: one gathers while another commits. */
    private static final int WRITERS = 2;
    private static final int MAX_BATCH = 100;
    /** Sends waiting that start a second batch while one is written; fewer wait for it, in one bigger batch. */
    private static final int OVERLAP_AT = 16;

    private final SendBatch sends;
    private final RoomPosts posts;
    private final Transactions transactions;
    private final Clock clock;
    private final GroupCommit<SendBatch.Request, SendBatch.Outcome> commits;

    public SendMessageService(RoomPosts posts, Messages messages, Attachments attachments, PushOutbox pushOutbox,
                              Transactions transactions, Clock clock, Blocks blocks) {
        this.sends = new SendBatch(posts, messages, attachments, pushOutbox, blocks);
        this.posts = posts;
        this.transactions = transactions;
        this.clock = clock;
        this.commits = new GroupCommit<>("send-message", WRITERS, MAX_BATCH, OVERLAP_AT,
                request -> request.command().roomId(), this::write);
    }

    @Override
    public MessageView send(AuthenticatedUser sender, Command command) {
        SendBatch.Outcome outcome = commits.submit(new SendBatch.Request(sender.id(), command, clock.instant()));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        if (outcome.posted() != null) {
            posts.announce(outcome.posted());
        }
        return outcome.view();
    }

    private List<SendBatch.Outcome> write(List<SendBatch.Request> batch) {
        try {
            return transactions.inTransaction(() -> sends.write(batch));
        } catch (ChatRooms.ClientMessageIdTaken raced) {
            // a concurrent batch stored one of these clientMessageIds after this one looked them up; written again,
            // the lookup finds it, and the send is answered as a repeat or refused like any other reuse
            return transactions.inTransaction(() -> sends.write(batch));
        } catch (Transactions.ConnectionLost restarted) {
            // the database went away (a restart, a failover): once more on a fresh connection costs latency instead
            // of an error; a batch that committed after all finds its clientMessageIds and answers them as repeats
            return transactions.inTransaction(() -> sends.write(batch));
        }
    }

    /** Writes the sends already queued, then stops; later ones fail unanswered. */
    @Override
    public void close() {
        commits.close();
    }
}
