package com.usdtagent.application.contract;

import com.usdtagent.application.account.AttemptCounters;
import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.account.LoginSessions;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.moderation.Reports;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.attachment.UploadQuotas;
import com.usdtagent.application.call.CallSessions;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.health.DatabaseProbe;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.Devices;
import com.usdtagent.application.push.PushQueue;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.application.trade.Offers;
import com.usdtagent.application.trade.Orders;

import java.util.UUID;

/** One adapter's implementations of the ports, fresh and empty, as the contract tests check them. */
public interface AdaptersUnderTest extends AutoCloseable {

    UserAccounts userAccounts();

    Transactions transactions();

    DatabaseProbe databaseProbe();

    /** The presence of the sockets of node {@code node}, which beats now. */
    Presence presence(UUID node);

    Devices devices();

    PushQueue pushQueue();

    CallSessions callSessions();

    Offers offers();

    Orders orders();

    Ledger ledger();

    ChatRooms chatRooms();

    RoomList roomList();

    Messages messages();

    Attachments attachments();

    UploadQuotas uploadQuotas();

    /** The chain's storage ports, on the same store as {@link #ledger()} and {@link #transactions()}. */
    ChainServices.Storage chainStorage();

    AttemptCounters attemptCounters();

    LoginSessions loginSessions();

    Blocks blocks();

    Reports reports();

    @Override
    void close();
}
