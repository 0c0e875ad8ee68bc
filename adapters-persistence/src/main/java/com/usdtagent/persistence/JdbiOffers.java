package com.usdtagent.persistence;

import com.usdtagent.application.trade.ListOffers;
import com.usdtagent.application.trade.Offers;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.trade.Fiat;
import com.usdtagent.domain.trade.Offer;
import com.usdtagent.domain.trade.OfferId;
import com.usdtagent.domain.trade.OfferSide;
import com.usdtagent.domain.trade.OfferStatus;
import com.usdtagent.domain.trade.Usdt;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Offers in {@code offer}. Joins the caller's transaction when there is one (see JdbiTransactions). */
final class JdbiOffers implements Offers {

    private static final String SELECT = """
            SELECT id, agent_id, side, fiat_currency, price, min_usdt, max_usdt, payment_methods,
                   payment_window_minutes, terms, status, created_at
            FROM offer
            """;
    private static final String INSERT = """
            INSERT INTO offer (id, agent_id, side, fiat_currency, price, min_usdt, max_usdt, payment_methods,
                               payment_window_minutes, terms, status, created_at)
            VALUES (:id, :agent, :side, :fiatCurrency, :price, :minUsdt, :maxUsdt, :paymentMethods,
                    :paymentWindowMinutes, :terms, :status, :createdAt)
            """;
    private static final String UPDATE = """
            UPDATE offer SET price = :price, min_usdt = :minUsdt, max_usdt = :maxUsdt, payment_methods = :paymentMethods,
                             payment_window_minutes = :paymentWindowMinutes, terms = :terms, status = :status
            WHERE id = :id
            """;
    /** An agent's own offers, newest first: a range of offer_agent_idx (V12). */
    static final String OF_AGENT = SELECT + "WHERE agent_id = :agent ORDER BY created_at DESC, id LIMIT :limit";
    // SELL offers cheapest first, BUY offers dearest first: the best price for the user either way
    private static final String BEST_FIRST = """
            ORDER BY CASE WHEN side = 'SELL' THEN price END ASC,
                     CASE WHEN side = 'BUY' THEN price END DESC,
                     created_at, id
            LIMIT :limit
            """;

    private final Jdbi jdbi;

    JdbiOffers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Offer offer) {
        write(INSERT, offer);
    }

    @Override
    public void update(Offer offer) {
        write(UPDATE, offer);
    }

    private void write(String sql, Offer offer) {
        jdbi.useHandle(handle -> handle.createUpdate(sql)
                .bind("id", offer.id().value())
                .bind("agent", offer.agent().value())
                .bind("side", offer.side().name())
                .bind("fiatCurrency", offer.fiatCurrency())
                .bind("price", offer.price().value())
                .bind("minUsdt", offer.minUsdt().value())
                .bind("maxUsdt", offer.maxUsdt().value())
                .bind("paymentMethods", SqlArrays.array("text", offer.paymentMethods()))
                .bind("paymentWindowMinutes", offer.paymentWindowMinutes())
                .bind("terms", offer.terms())
                .bind("status", offer.status().name())
                .bind("createdAt", Timestamps.utc(offer.createdAt()))
                .execute());
    }

    @Override
    public Optional<Offer> findById(OfferId id) {
        return byId(SELECT + "WHERE id = :id", id);
    }

    @Override
    public Optional<Offer> lock(OfferId id) {
        return byId(SELECT + "WHERE id = :id FOR UPDATE", id);
    }

    private Optional<Offer> byId(String sql, OfferId id) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bind("id", id.value())
                .map((row, context) -> toOffer(row))
                .findOne());
    }

    @Override
    public List<Offer> listActive(ListOffers.Query query, int limit) {
        String filters = query.side().map(side -> " AND side = :side").orElse("")
                + query.fiatCurrency().map(currency -> " AND fiat_currency = :fiatCurrency").orElse("")
                + query.usdtAmount().map(amount -> " AND min_usdt <= :amount AND max_usdt >= :amount").orElse("");
        return jdbi.withHandle(handle -> {
            var statement = handle.createQuery(SELECT + "WHERE status = 'ACTIVE'" + filters + "\n" + BEST_FIRST)
                    .bind("limit", limit);
            query.side().ifPresent(side -> statement.bind("side", side.name()));
            query.fiatCurrency().ifPresent(currency -> statement.bind("fiatCurrency", currency));
            query.usdtAmount().ifPresent(amount -> statement.bind("amount", amount.value()));
            return statement.map((row, context) -> toOffer(row)).list();
        });
    }

    @Override
    public List<Offer> listOf(UserId agent, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(OF_AGENT)
                .bind("agent", agent.value())
                .bind("limit", limit)
                .map((row, context) -> toOffer(row))
                .list());
    }

    private static Offer toOffer(ResultSet row) throws SQLException {
        return new Offer(
                new OfferId(row.getObject("id", UUID.class)),
                new UserId(row.getObject("agent_id", UUID.class)),
                OfferSide.valueOf(row.getString("side")),
                row.getString("fiat_currency"),
                new Fiat(row.getBigDecimal("price")),
                new Usdt(row.getBigDecimal("min_usdt")),
                new Usdt(row.getBigDecimal("max_usdt")),
                Arrays.asList((String[]) row.getArray("payment_methods").getArray()),
                row.getInt("payment_window_minutes"),
                row.getString("terms"),
                OfferStatus.valueOf(row.getString("status")),
                Timestamps.instant(row, "created_at"));
    }
}
