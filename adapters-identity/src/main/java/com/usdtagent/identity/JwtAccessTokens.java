package com.usdtagent.identity;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.usdtagent.application.account.AccessTokens;
import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.IssuedToken;
import com.usdtagent.domain.account.Role;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserAccount;
import com.usdtagent.domain.account.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * HS256 tokens: {@code sub} is the user id, {@code role} the wire role when issued, {@code sid} the sign-in session,
 * {@code exp} the end of validity.
 */
final class JwtAccessTokens implements AccessTokens {

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration timeToLive;
    private final Clock clock;

    JwtAccessTokens(byte[] secret, Duration timeToLive, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes");
        }
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withClaimPresence("sub")
                .withClaimPresence("role")
                .withClaimPresence("sid")
                .withClaimPresence("exp"))
                .build(clock);
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(UserAccount account, SessionId session) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(timeToLive);
        String token = JWT.create()
                .withSubject(account.id().toString())
                .withClaim("role", account.role().wireName())
                .withClaim("sid", session.toString())
                .withIssuedAt(now)
                .withExpiresAt(expiresAt)
                .sign(algorithm);
        return new IssuedToken(token, expiresAt);
    }

    @Override
    public Optional<AuthenticatedUser> verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            UserId id = new UserId(UUID.fromString(jwt.getSubject()));
            Role role = Role.valueOf(jwt.getClaim("role").asString().toUpperCase(Locale.ROOT));
            SessionId session = new SessionId(UUID.fromString(jwt.getClaim("sid").asString()));
            return Optional.of(new AuthenticatedUser(id, role, session));
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException notOurs) {
            return Optional.empty();
        }
    }
}
