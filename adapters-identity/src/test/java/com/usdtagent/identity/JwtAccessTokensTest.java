package com.usdtagent.identity;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.account.Username;
import com.usdtagent.domain.account.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class JwtAccessTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final UserAccount agent = new UserAccount(UserId.newId(), new Username("agent_1"),
            new PhoneNumber("+447911123456"), "hash", Role.AGENT, NOW);
    private final SessionId session = SessionId.newId();

    private JwtAccessTokens tokensAt(Instant instant) {
        return new JwtAccessTokens(SECRET, Duration.ofDays(7), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void issuesAnHs256TokenWithSubjectRoleSessionAndExpiry() {
        var issued = tokensAt(NOW).issue(agent, session);

        var decoded = JWT.decode(issued.value());
        assertThat(decoded.getAlgorithm()).isEqualTo("HS256");
        assertThat(decoded.getSubject()).isEqualTo(agent.id().toString());
        assertThat(decoded.getClaim("role").asString()).isEqualTo("agent");
        assertThat(decoded.getClaim("sid").asString()).isEqualTo(session.toString());
        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(NOW.plus(Duration.ofDays(7))).isEqualTo(issued.expiresAt());
        assertThat(issued.value()).doesNotContain("+447911123456");
    }

    @Test
    void acceptsItsOwnTokenUntilItExpires() {
        String token = tokensAt(NOW).issue(agent, session).value();

        assertThat(tokensAt(NOW.plus(Duration.ofDays(6))).verify(token))
                .contains(new AuthenticatedUser(agent.id(), Role.AGENT, session));
        assertThat(tokensAt(NOW.plus(Duration.ofDays(7)).plusSeconds(1)).verify(token)).isEmpty();
    }

    @Test
    void refusesForgedMalformedAndIncompleteTokens() {
        String otherSecret = JWT.create().withSubject(agent.id().toString()).withClaim("role", "admin")
                .withExpiresAt(Date.from(NOW.plusSeconds(60)))
                .sign(Algorithm.HMAC256("another secret that is long enough!!"));
        String noRole = JWT.create().withSubject(agent.id().toString())
                .withExpiresAt(Date.from(NOW.plusSeconds(60))).sign(Algorithm.HMAC256(SECRET));
        // a token from before sessions: it could not be revoked, so it is not accepted
        String noSession = JWT.create().withSubject(agent.id().toString()).withClaim("role", "user")
                .withExpiresAt(Date.from(NOW.plusSeconds(60))).sign(Algorithm.HMAC256(SECRET));
        String notAUuid = JWT.create().withSubject("42").withClaim("role", "user")
                .withExpiresAt(Date.from(NOW.plusSeconds(60))).sign(Algorithm.HMAC256(SECRET));
        String unsigned = JWT.create().withSubject(agent.id().toString()).withClaim("role", "admin")
                .withExpiresAt(Date.from(NOW.plusSeconds(60))).sign(Algorithm.none());

        var tokens = tokensAt(NOW);
        assertThat(tokens.verify(otherSecret)).isEmpty();
        assertThat(tokens.verify(noRole)).isEmpty();
        assertThat(tokens.verify(noSession)).isEmpty();
        assertThat(tokens.verify(notAUuid)).isEmpty();
        assertThat(tokens.verify(unsigned)).isEmpty();
        assertThat(tokens.verify("not.a.jwt")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
    }
}
