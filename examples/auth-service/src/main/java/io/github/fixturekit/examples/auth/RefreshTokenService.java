package io.github.fixturekit.examples.auth;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues, validates and rotates refresh tokens.
 *
 * <p>The service works in the caller's persistence context and transaction; it never commits.
 * Note that {@link #rotate(String)} revokes a token family <em>and then</em> throws
 * {@link TokenReuseDetected}: the caller must still commit in that case (for example with
 * {@code noRollbackFor = TokenReuseDetected.class}), or the revocation is lost.
 */
public class RefreshTokenService {

    /** How long a new token lives unless configured otherwise. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(7);

    /** A token that was just issued, with the raw value to hand to the client (it is stored nowhere). */
    public record Issued(RefreshToken token, String raw) {
        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(raw, "raw");
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final Duration timeToLive;

    public RefreshTokenService(EntityManager em, Clock clock) {
        this(em, clock, DEFAULT_TIME_TO_LIVE);
    }

    public RefreshTokenService(EntityManager em, Clock clock, Duration timeToLive) {
        this.em = Objects.requireNonNull(em, "em");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
    }

    /** Issues a token for the user, starting a new family. */
    public Issued issue(User user) {
        return issue(user, UUID.randomUUID());
    }

    /**
     * Returns the token the raw value stands for, if it may be used now.
     *
     * @throws TokenNotFound if no token has that value
     * @throws TokenRevoked if the token was revoked
     * @throws TokenExpired if the token has expired
     */
    public RefreshToken validate(String raw) {
        RefreshToken token = find(raw);
        if (token.isRevoked()) {
            throw new TokenRevoked();
        }
        requireUnexpired(token);
        return token;
    }

    /**
     * Exchanges a valid token for a new one of the same family and revokes the presented one.
     * Presenting a token that was already revoked means it was copied: every token of its family is
     * revoked, so neither the thief nor the victim can go on refreshing.
     *
     * @throws TokenNotFound if no token has that value
     * @throws TokenReuseDetected if the token was already revoked
     * @throws TokenExpired if the token has expired
     */
    public Issued rotate(String raw) {
        RefreshToken presented = find(raw);
        if (presented.isRevoked()) {
            revokeFamily(presented.getFamilyId());
            throw new TokenReuseDetected();
        }
        requireUnexpired(presented);
        presented.revoke();
        return issue(presented.getUser(), presented.getFamilyId());
    }

    /** Revokes every token of the family that is still usable; returns how many were revoked. */
    public int revokeFamily(UUID familyId) {
        List<RefreshToken> family = em.createQuery(
                        "select t from RefreshToken t where t.familyId = :familyId and t.revoked = false",
                        RefreshToken.class)
                .setParameter("familyId", familyId)
                .getResultList();
        family.forEach(RefreshToken::revoke);
        em.flush();
        return family.size();
    }

    private Issued issue(User user, UUID familyId) {
        Objects.requireNonNull(user, "user");
        String raw = TokenHasher.newRawToken();
        // PostgreSQL keeps microseconds: truncate so the entity equals what is stored.
        Instant expiresAt = clock.instant().plus(timeToLive).truncatedTo(ChronoUnit.MICROS);
        RefreshToken token = new RefreshToken(user, TokenHasher.hash(raw), familyId, expiresAt);
        em.persist(token);
        em.flush();
        return new Issued(token, raw);
    }

    private RefreshToken find(String raw) {
        Objects.requireNonNull(raw, "raw");
        return em.createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", TokenHasher.hash(raw))
                .getResultStream()
                .findFirst()
                .orElseThrow(TokenNotFound::new);
    }

    private void requireUnexpired(RefreshToken token) {
        if (token.isExpiredAt(clock.instant())) {
            throw new TokenExpired();
        }
    }
}
