package io.github.fixturekit.tokens;

import io.github.fixturekit.internal.FactoryRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Persists refresh tokens for an owner and hands back each entity with the raw token string a
 * client would present. Only the SHA-256 hash of the raw token is stored.
 *
 * <pre>{@code
 * @Test
 * void rejectsExpiredToken(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
 *     IssuedToken<RefreshToken> issued =
 *         tokens.create(users.create(), o -> o.expiresIn(Duration.ofMinutes(-5)));
 *     ...
 * }
 * }</pre>
 *
 * <p>The token entity's fields are found by convention: the owner is its single {@code @ManyToOne}
 * association (or a field named {@code user} or {@code owner}); then {@code tokenHash},
 * {@code familyId} ({@code UUID} or {@code String}), {@code expiresAt} ({@code Instant},
 * {@code OffsetDateTime}, {@code ZonedDateTime}, or {@code LocalDateTime} read as UTC) and
 * {@code revoked} or {@code isRevoked}. Any other field is filled with random valid data.
 *
 * @param <T> the token entity type
 * @since 0.1.0
 */
public interface RefreshTokenFactory<T> {

  /**
   * Persists an active token that expires in 7 days.
   *
   * @param owner the entity that owns the token, of the token's owner type
   * @return the stored entity and its raw token
   * @throws NullPointerException when {@code owner} is null
   * @throws IllegalArgumentException when {@code owner} is not of the owner type, or not persisted
   */
  IssuedToken<T> create(Object owner);

  /**
   * Persists a token shaped by {@code options}.
   *
   * @param owner the entity that owns the token, of the token's owner type
   * @param options sets revocation and expiry, for example {@code o -> o.revoked(true)}
   * @return the stored entity and its raw token
   * @throws NullPointerException when {@code owner} or {@code options} is null
   * @throws IllegalArgumentException when {@code owner} is not of the owner type, or not persisted
   */
  IssuedToken<T> create(Object owner, Consumer<TokenOptions> options);

  /**
   * A factory outside the extension, bound to an open {@code EntityManager} (or Hibernate
   * {@code Session}) and the live system UTC clock. Tokens are persisted in the caller's current
   * transaction.
   *
   * @param entityManager an open entity manager with an active transaction
   * @param tokenType the token entity class
   * @param <T> the token entity type
   * @return a factory for {@code tokenType}
   * @throws IllegalArgumentException when {@code tokenType} does not look like a refresh token
   */
  static <T> RefreshTokenFactory<T> of(EntityManager entityManager, Class<T> tokenType) {
    return of(entityManager, tokenType, Clock.systemUTC());
  }

  /**
   * As {@link #of(EntityManager, Class)}, with the clock that defines "now" for expiry.
   *
   * @param entityManager an open entity manager with an active transaction
   * @param tokenType the token entity class
   * @param clock the source of "now"
   * @param <T> the token entity type
   * @return a factory for {@code tokenType}
   * @throws IllegalArgumentException when {@code tokenType} does not look like a refresh token
   */
  static <T> RefreshTokenFactory<T> of(
      EntityManager entityManager, Class<T> tokenType, Clock clock) {
    Objects.requireNonNull(entityManager, "entityManager");
    Objects.requireNonNull(tokenType, "tokenType");
    Objects.requireNonNull(clock, "clock");
    return new DefaultRefreshTokenFactory<>(
        FactoryRegistry.of(entityManager), TokenFieldMapping.of(tokenType), clock);
  }
}
