package io.github.fixturekit.tokens;

import io.github.fixturekit.internal.FactoryRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
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
 * association (or a field named {@code user} or {@code owner}, or a plain id column {@code userId}
 * or {@code ownerId}); then {@code tokenHash}, {@code familyId} ({@code UUID} or {@code String}),
 * {@code expiresAt} ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, or {@code
 * LocalDateTime} read as UTC), {@code revoked} or {@code isRevoked} (a boolean) or {@code
 * revokedAt} (a nullable timestamp), and optionally {@code issuedAt}. Other names are mapped with
 * {@link TokenMapping} or a {@link TokenSchema}. Any other field is filled with random valid data.
 *
 * <p>Rotation and families make a reuse-detection test three lines:
 *
 * <pre>{@code
 * List<IssuedToken<RefreshToken>> chain = tokens.family(alice, 3);   // two revoked, the last active
 * assertThrows(TokenReuseDetected.class, () -> service.rotate(chain.get(0).raw()));
 * assertThat(chain.get(2)).isRevoked();                              // FixtureAssertions
 * }</pre>
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
   * @param options sets revocation, expiry, family, raw value and issue time, for example {@code o
   *     -> o.revoked(true)}
   * @return the stored entity and its raw token
   * @throws NullPointerException when {@code owner} or {@code options} is null
   * @throws IllegalArgumentException when {@code owner} is not of the owner type, or not persisted
   */
  IssuedToken<T> create(Object owner, Consumer<TokenOptions> options);

  /**
   * Revokes {@code issued} and persists its successor: same owner, same family, a new raw token
   * that expires 7 days from now.
   *
   * @param issued a token of this factory's entity type
   * @return the successor
   * @throws NullPointerException when {@code issued} is null
   * @throws IllegalArgumentException when {@code issued} is of another entity type or has no row
   */
  IssuedToken<T> rotate(IssuedToken<T> issued);

  /**
   * As {@link #rotate(IssuedToken)}, with options for the successor; its family is always that of
   * {@code issued}.
   *
   * @param issued a token of this factory's entity type
   * @param options shapes the successor, for example {@code o -> o.expiresIn(Duration.ofHours(1))}
   * @return the successor
   */
  IssuedToken<T> rotate(IssuedToken<T> issued, Consumer<TokenOptions> options);

  /**
   * A chain of {@code size} tokens of one new family for {@code owner}, as {@code size - 1}
   * rotations would leave it: every token revoked except the last.
   *
   * @param owner the entity that owns the tokens (or its id, for an id-column owner)
   * @param size how many tokens, 1 or more
   * @return the tokens, oldest first
   * @throws IllegalArgumentException when {@code size} is less than 1, or the owner is wrong
   */
  List<IssuedToken<T>> family(Object owner, int size);

  /**
   * A factory outside the extension, bound to an open {@code EntityManager} (or Hibernate {@code
   * Session}) and the live system UTC clock. Tokens are persisted in the caller's current
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
    return of(entityManager, TokenSchema.of(tokenType), clock);
  }

  /**
   * A factory outside the extension for a token entity mapped by {@code schema}, on the live system
   * UTC clock.
   *
   * @param entityManager an open entity manager with an active transaction
   * @param schema the token mapping, for example {@code
   *     TokenSchema.of(ApiSession.class).hash("digest")}
   * @param <T> the token entity type
   * @return a factory for the schema's entity
   * @throws IllegalArgumentException when the mapping is incomplete
   */
  static <T> RefreshTokenFactory<T> of(EntityManager entityManager, TokenSchema<T> schema) {
    return of(entityManager, schema, Clock.systemUTC());
  }

  /**
   * As {@link #of(EntityManager, TokenSchema)}, with the clock that defines "now".
   *
   * @param entityManager an open entity manager with an active transaction
   * @param schema the token mapping
   * @param clock the source of "now", for example a {@code TestClock}
   * @param <T> the token entity type
   * @return a factory for the schema's entity
   * @throws IllegalArgumentException when the mapping is incomplete
   */
  static <T> RefreshTokenFactory<T> of(
      EntityManager entityManager, TokenSchema<T> schema, Clock clock) {
    Objects.requireNonNull(entityManager, "entityManager");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(clock, "clock");
    return new DefaultRefreshTokenFactory<>(FactoryRegistry.of(entityManager), schema, clock);
  }
}
