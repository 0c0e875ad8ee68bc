package com.usdtagent.memory;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.account.LoginSessions;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.moderation.Reports;
import com.usdtagent.application.attachment.Attachments;
import com.usdtagent.application.attachment.UploadQuotas;
import com.usdtagent.application.account.AttemptCounters;
import com.usdtagent.application.call.CallSessions;
import com.usdtagent.application.chain.ChainServices;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.Messages;
import com.usdtagent.application.chat.Presence;
import com.usdtagent.application.chat.RoomList;
import com.usdtagent.application.contract.AdaptersUnderTest;
import com.usdtagent.application.health.DatabaseProbe;
import com.usdtagent.application.ledger.Ledger;
import com.usdtagent.application.push.Devices;
import com.usdtagent.application.push.PushQueue;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.application.trade.Offers;
import com.usdtagent.application.trade.Orders;

import java.util.UUID;

/** The in-memory adapters as the ports' contract tests take them. */
final class MemoryUnderTest implements AdaptersUnderTest {

    private final InMemoryAdapters adapters = InMemoryAdapters.create();

    @Override
    public UserAccounts userAccounts() {
        return adapters.userAccounts();
    }

    @Override
    public Transactions transactions() {
        return adapters.transactions();
    }

    @Override
    public DatabaseProbe databaseProbe() {
        return adapters.databaseProbe();
    }

    @Override
    public Presence presence(UUID node) {
        return adapters.presence(node);
    }

    @Override
    public Devices devices() {
        return adapters.devices();
    }

    @Override
    public PushQueue pushQueue() {
        return adapters.pushQueue();
    }

    @Override
    public CallSessions callSessions() {
        return adapters.callSessions();
    }

    @Override
    public Offers offers() {
        return adapters.offers();
    }

    @Override
    public Orders orders() {
        return adapters.orders();
    }

    @Override
    public Ledger ledger() {
        return adapters.ledger();
    }

    @Override
    public ChatRooms chatRooms() {
        return adapters.chatRooms();
    }

    @Override
    public RoomList roomList() {
        return adapters.roomList();
    }

    @Override
    public Messages messages() {
        return adapters.messages();
    }

    @Override
    public Attachments attachments() {
        return adapters.attachments();
    }

    @Override
    public UploadQuotas uploadQuotas() {
        return adapters.uploadQuotas();
    }

    @Override
    public ChainServices.Storage chainStorage() {
        return adapters.chainStorage();
    }

    @Override
    public AttemptCounters attemptCounters() {
        return adapters.attemptCounters();
    }

    @Override
    public LoginSessions loginSessions() {
        return adapters.loginSessions();
    }

    @Override
    public Blocks blocks() {
        return adapters.blocks();
    }

    @Override
    public Reports reports() {
        return adapters.reports();
    }

    @Override
    public void close() {
        adapters.close();
    }
}
