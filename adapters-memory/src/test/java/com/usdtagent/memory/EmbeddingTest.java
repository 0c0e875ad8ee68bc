package com.usdtagent.memory;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.chat.SendMessage;
import com.usdtagent.application.chat.SendMessageService;
import com.usdtagent.application.ledger.DepositFunds;
import com.usdtagent.application.ledger.DepositFundsService;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.trade.PlaceOrder;
import com.usdtagent.application.trade.OrderLimits;
import com.usdtagent.application.trade.TradeServices;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OrderStatus;
import com.usdtagent.domain.trade.Usdt;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example: another program builds the chat and trade use cases on the in-memory adapters, no server. */
class EmbeddingTest {

    @Test
    void aProgramTradesAndChatsOnTheInMemoryAdapters() {
        // README.md, "In-memory adapters and the ports' contracts": from here
        var memory = InMemoryAdapters.create(Clock.systemUTC());
        Clock clock = memory.clock();
        PushOutbox noPush = notification -> { };
        var posts = new RoomPosts(memory.chatRooms(), memory.realtimePublisher(), clock);
        var chat = new SendMessageService(posts, memory.messages(), memory.attachments(), noPush, memory.transactions(),
                clock, memory.blocks());
        var trade = new TradeServices(memory.offers(), memory.orders(), memory.ledger(), memory.userAccounts(),
                memory.chatRooms(), memory.messages(), posts, memory.presence(UUID.randomUUID()), noPush,
                memory.orderSignals(), memory.transactions(), clock, memory.attachments(), OrderLimits.DEFAULTS,
                memory.blocks());
        var deposits = new DepositFundsService(memory.ledger(), memory.userAccounts(), memory.transactions(), clock);

        var agent = new UserAccount(UserId.newId(), new Username("agent"), null, "a hash", Role.AGENT, clock.instant());
        var buyer = new UserAccount(UserId.newId(), new Username("buyer"), null, "a hash", Role.USER, clock.instant());
        memory.userAccounts().add(agent);
        memory.userAccounts().add(buyer);
        var asAgent = new AuthenticatedUser(agent.id(), Role.AGENT);
        var asBuyer = new AuthenticatedUser(buyer.id(), Role.USER);
        var admin = new AuthenticatedUser(UserId.newId(), Role.ADMIN);
        deposits.deposit(admin, new DepositFunds.Command(agent.id(), new Usdt(new BigDecimal("100")), "chain-tx-1"));

        var offer = trade.postOffer().post(asAgent, new Offer.Terms(OfferSide.SELL, "USD", new Fiat(new BigDecimal("1.01")),
                new Usdt(BigDecimal.ONE), new Usdt(new BigDecimal("500")), List.of("bank"), 15, "")).offer();
        var order = trade.placeOrder().place(asBuyer,
                new PlaceOrder.Command(offer.id(), new Usdt(new BigDecimal("25")), "order-1")).order();
        chat.send(asBuyer, new SendMessage.Command(order.roomId(), "buyer-1", "Paid 25.25 USD by bank transfer"));
        trade.markOrderPaid().markPaid(asBuyer, order.id());
        trade.releaseEscrow().release(asAgent, order.id());
        chat.close();
        // to here

        assertThat(trade.showOrders().show(asBuyer, order.id()).order().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(memory.ledger().balanceOf(buyer.id())).isEqualTo(new WalletBalance(new Usdt(new BigDecimal("25")), Usdt.ZERO));
        assertThat(memory.ledger().balanceOf(agent.id())).isEqualTo(new WalletBalance(new Usdt(new BigDecimal("75")), Usdt.ZERO));
        assertThat(memory.messages().after(order.roomId(), 0, 10)).extracting(Message::text).containsExactly(
                "Order placed: 25 USDT for 25.25 USD. Waiting for the buyer's payment.",
                "Paid 25.25 USD by bank transfer",
                "The buyer marked the order paid.",
                "The USDT went to the buyer. Order completed.");
    }

    @Test
    void theReadmeShowsExactlyTheCodeAbove() throws IOException {
        String test = Files.readString(Path.of("src/test/java/com/usdtagent/memory/EmbeddingTest.java"));
        String ran = between(test, "\": from here\n", "        // to here").replaceAll("(?m)^ {8}", "");
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("### In-memory adapters and the ports' contracts"));

        assertThat(between(section, "```java\n", "```")).isEqualTo(ran);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
