package io.github.fixturekit.tokens;

import io.github.fixturekit.internal.EntityFactory;
import io.github.fixturekit.internal.FactoryRegistry;
import io.github.fixturekit.internal.Messages;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/** Persists tokens the way the reference fixture does: insert, flush, refresh. */
final class DefaultRefreshTokenFactory<T> implements RefreshTokenFactory<T> {

  // The range of PostgreSQL's timestamp types: 4713 BC to 294276 AD.
  private static final Instant POSTGRES_MIN = Instant.parse("-4712-01-01T00:00:00Z");
  private static final Instant POSTGRES_MAX = Instant.parse("+294276-12-31T23:59:59.999999Z");

  private final FactoryRegistry registry;
  private final TokenFieldMapping<T> mapping;
  private final EntityFactory<T> entities;
  private final Clock clock;

  DefaultRefreshTokenFactory(FactoryRegistry registry, TokenFieldMapping<T> mapping, Clock clock) {
    this.registry = registry;
    this.mapping = mapping;
    this.entities = registry.factory(mapping.tokenType());
    this.clock = clock;
  }

  @Override
  public IssuedToken<T> create(Object owner) {
    return create(owner, options -> {});
  }

  @Override
  public IssuedToken<T> create(Object owner, Consumer<TokenOptions> options) {
    Objects.requireNonNull(owner, () -> Messages.nullTokenOwner(mapping.ownerType()));
    Objects.requireNonNull(options, "options must not be null: pass o -> {} for the defaults");
    if (!mapping.ownerType().isInstance(owner)) {
      throw new IllegalArgumentException(
          Messages.wrongTokenOwner(mapping.tokenType(), mapping.ownerField(), owner));
    }
    Object attachedOwner = registry.attach(owner);
    TokenOptions chosen = new TokenOptions();
    options.accept(chosen);

    Instant expiry = expiry(clock.instant(), chosen);
    String raw = TokenSecrets.newRawToken();
    String hash = TokenSecrets.sha256Hex(raw);
    UUID family = UUID.randomUUID();
    T token =
        entities.createAndRefresh(
            entity -> mapping.apply(entity, attachedOwner, hash, family, expiry, chosen.isRevoked()));
    return new IssuedToken<>(token, raw);
  }

  /** now + delta, truncated (not rounded) to the microseconds PostgreSQL keeps. */
  private static Instant expiry(Instant now, TokenOptions options) {
    Instant expiry;
    try {
      expiry = now.plus(options.expiresIn()).truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(Messages.expiryOverflow(now, options.expiresIn()), e);
    }
    if (expiry.isBefore(POSTGRES_MIN) || expiry.isAfter(POSTGRES_MAX)) {
      throw new IllegalArgumentException(Messages.expiryOverflow(now, options.expiresIn()));
    }
    return expiry;
  }
}
