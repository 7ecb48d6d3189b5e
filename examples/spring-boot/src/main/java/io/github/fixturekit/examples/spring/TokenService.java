package io.github.fixturekit.examples.spring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges a refresh token for a new one of the same family. A revoked token presented again means
 * it was stolen: the whole family is revoked.
 */
@Service
public class TokenService {

    static final Duration LIFETIME = Duration.ofDays(7);

    private final RefreshTokenRepository tokens;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    public TokenService(RefreshTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** The raw value of the token that replaces {@code raw}, which is revoked. */
    @Transactional(noRollbackFor = TokenRefreshException.class)
    public String refresh(String raw) {
        RefreshToken current =
                tokens.findByTokenHash(hash(raw))
                        .orElseThrow(() -> new TokenRefreshException(TokenRefreshException.Reason.UNKNOWN));
        if (current.isRevoked()) {
            tokens.findByFamilyId(current.getFamilyId()).forEach(RefreshToken::revoke);
            throw new TokenRefreshException(TokenRefreshException.Reason.REUSED);
        }
        Instant now = clock.instant();
        if (!now.isBefore(current.getExpiresAt())) {
            throw new TokenRefreshException(TokenRefreshException.Reason.EXPIRED);
        }
        current.revoke();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String next = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(
                new RefreshToken(
                        current.getUser(),
                        hash(next),
                        current.getFamilyId(),
                        now.plus(LIFETIME).truncatedTo(ChronoUnit.MICROS)));
        return next;
    }

    static String hash(String raw) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
