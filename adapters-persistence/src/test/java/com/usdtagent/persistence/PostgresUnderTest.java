package com.usdtagent.persistence;

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

/** The PostgreSQL adapters on a fresh database, as the ports' contract tests take them. */
final class PostgresUnderTest implements AdaptersUnderTest {

    private final ChatFixture chat;

    PostgresUnderTest() {
        this.chat = new ChatFixture();
    }

    @Override
    public UserAccounts userAccounts() {
        return chat.persistence.userAccounts();
    }

    @Override
    public Transactions transactions() {
        return chat.transactions;
    }

    @Override
    public DatabaseProbe databaseProbe() {
        return chat.persistence.databaseProbe();
    }

    @Override
    public Presence presence(UUID node) {
        return chat.persistence.presence(node);
    }

    @Override
    public Devices devices() {
        return chat.persistence.devices();
    }

    @Override
    public PushQueue pushQueue() {
        return chat.persistence.pushQueue();
    }

    @Override
    public CallSessions callSessions() {
        return chat.persistence.callSessions();
    }

    @Override
    public Offers offers() {
        return chat.persistence.offers();
    }

    @Override
    public Orders orders() {
        return chat.persistence.orders();
    }

    @Override
    public Ledger ledger() {
        return chat.persistence.ledger();
    }

    @Override
    public ChatRooms chatRooms() {
        return chat.rooms;
    }

    @Override
    public RoomList roomList() {
        return chat.roomList;
    }

    @Override
    public Messages messages() {
        return chat.messages;
    }

    @Override
    public Attachments attachments() {
        return chat.persistence.attachments();
    }

    @Override
    public UploadQuotas uploadQuotas() {
        return chat.persistence.uploadQuotas();
    }

    @Override
    public ChainServices.Storage chainStorage() {
        return chat.persistence.chainStorage();
    }

    @Override
    public AttemptCounters attemptCounters() {
        return chat.persistence.attemptCounters();
    }

    @Override
    public LoginSessions loginSessions() {
        return chat.persistence.loginSessions();
    }

    @Override
    public Blocks blocks() {
        return chat.persistence.blocks();
    }

    @Override
    public Reports reports() {
        return chat.persistence.reports();
    }

    @Override
    public void close() {
        chat.close();
    }
}
