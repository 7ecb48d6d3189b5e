package io.github.fixturekit.tokens;

import io.github.fixturekit.internal.Columns;
import io.github.fixturekit.internal.EntityFactory;
import io.github.fixturekit.internal.EntityIds;
import io.github.fixturekit.internal.FactoryRegistry;
import io.github.fixturekit.internal.Messages;
import io.github.fixturekit.internal.tokens.TokenFactoryAccess;
import io.github.fixturekit.internal.tokens.TokenView;
import io.github.fixturekit.internal.tokens.TokenViews;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/** Persists tokens the way the reference fixture does: insert, flush, refresh. */
final class DefaultRefreshTokenFactory<T> implements RefreshTokenFactory<T>, TokenFactoryAccess {

  // The range of PostgreSQL's timestamp types: 4713 BC to 294276 AD.
  private static final Instant POSTGRES_MIN = Instant.parse("-4712-01-01T00:00:00Z");
  private static final Instant POSTGRES_MAX = Instant.parse("+294276-12-31T23:59:59.999999Z");
  private static final String PROBE = "fixturekit-hash-probe";

  private final FactoryRegistry registry;
  private final Session session;
  private final TokenFieldMapping<T> mapping;
  private final Set<Field> fieldsSet;
  private final TokenHashing hashing;
  private final int rawBytes;
  private final EntityFactory<T> entities;
  private final Clock clock;
  private final TokenView view;

  DefaultRefreshTokenFactory(FactoryRegistry registry, TokenSchema<T> schema, Clock clock) {
    this.registry = registry;
    this.session = registry.session();
    this.mapping = TokenFieldMapping.of(schema);
    this.fieldsSet = mapping.fieldsSet();
    this.hashing = schema.hashingFunction();
    this.rawBytes = schema.rawBytesCount();
    this.entities = registry.factory(mapping.tokenType());
    this.clock = clock;
    this.view = new View();
    checkHashFits();
  }

  private void checkHashFits() {
    String probe = hash(PROBE);
    int length = mapping.hashColumnLength();
    if (length >= 0 && probe.length() > length) {
      throw new IllegalArgumentException(
          Messages.notATokenEntity(
              mapping.tokenType(),
              List.of(Messages.tokenHashTooShort(mapping.hashField(), length, probe.length())),
              null));
    }
  }

  @Override
  public IssuedToken<T> create(Object owner) {
    return create(owner, options -> {});
  }

  @Override
  public IssuedToken<T> create(Object owner, Consumer<TokenOptions> options) {
    registry.requireOpenSession();
    Object ownerValue = ownerValue(owner);
    Objects.requireNonNull(options, "options must not be null: pass o -> {} for the defaults");
    TokenOptions chosen = new TokenOptions();
    options.accept(chosen);
    Object family = chosen.familyId() != null ? chosen.familyId() : UUID.randomUUID();
    return issue(ownerValue, chosen, family);
  }

  @Override
  public IssuedToken<T> rotate(IssuedToken<T> issued) {
    return rotate(issued, options -> {});
  }

  @Override
  public IssuedToken<T> rotate(IssuedToken<T> issued, Consumer<TokenOptions> options) {
    Objects.requireNonNull(issued, "issued must not be null: pass a token this factory created");
    Objects.requireNonNull(options, "options must not be null: pass o -> {} for the defaults");
    registry.requireOpenSession();
    Object entity = issued.entity();
    if (!mapping.tokenType().isAssignableFrom(EntityIds.typeOf(entity))) {
      throw new IllegalArgumentException(Messages.wrongTokenType(mapping.tokenType(), entity));
    }
    Object managed = registry.attach(entity);
    // the successor's options and values first: a rotation refused for them leaves the old token
    TokenOptions chosen = new TokenOptions();
    options.accept(chosen);
    Draft draft = draft(chosen);
    mapping.revoke(managed, draft.now());
    if (managed != entity) {
      mapping.revoke(entity, draft.now());
    }
    Object owner = mapping.owner(managed);
    return persist(
        mapping.ownerIsAssociation() ? registry.attach(owner) : owner,
        draft,
        chosen.isRevoked(),
        mapping.family(managed));
  }

  @Override
  public List<IssuedToken<T>> family(Object owner, int size) {
    if (size < 1) {
      throw new IllegalArgumentException(Messages.familyTooSmall(size));
    }
    registry.requireOpenSession();
    Object ownerValue = ownerValue(owner);
    UUID family = UUID.randomUUID();
    List<IssuedToken<T>> chain = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      TokenOptions options = new TokenOptions().revoked(i < size - 1);
      chain.add(issue(ownerValue, options, family));
    }
    return List.copyOf(chain);
  }

  private IssuedToken<T> issue(Object ownerValue, TokenOptions chosen, Object family) {
    return persist(ownerValue, draft(chosen), chosen.isRevoked(), family);
  }

  /** A token's values, checked, before anything is written. */
  private record Draft(Instant now, Instant expiry, Instant issuedAt, String raw, String hash) {}

  private Draft draft(TokenOptions chosen) {
    Instant instant = clock.instant();
    // now + delta, then truncated: the seed's semantics, whatever digits the clock has.
    Instant expiry = expiry(instant, chosen);
    Instant now = instant.truncatedTo(ChronoUnit.MICROS);
    if (chosen.issuedAt() != null && !mapping.hasIssuedAt()) {
      throw new IllegalArgumentException(Messages.issuedAtNotMapped(mapping.tokenType()));
    }
    Instant issuedAt = chosen.issuedAt() != null ? checkRange(chosen.issuedAt(), "issuedAt") : now;
    String raw = chosen.raw() != null ? chosen.raw() : TokenSecrets.newRawToken(rawBytes);
    String hash = hash(raw);
    if (chosen.raw() != null) {
      requireUnused(raw, hash);
    }
    return new Draft(now, expiry, issuedAt, raw, hash);
  }

  private IssuedToken<T> persist(Object ownerValue, Draft draft, boolean revoked, Object family) {
    T token =
        entities.createAndReadBack(
            fieldsSet,
            entity ->
                mapping.apply(
                    entity,
                    ownerValue,
                    draft.hash(),
                    family,
                    draft.expiry(),
                    revoked,
                    draft.now(),
                    draft.issuedAt()));
    IssuedToken<T> issued = new IssuedToken<>(token, draft.raw());
    TokenViews.register(issued, view);
    return issued;
  }

  private String hash(String raw) {
    String hash = hashing.hash(raw);
    if (hash == null || hash.isEmpty()) {
      throw new IllegalStateException(Messages.hashingGaveNothing(mapping.tokenType(), hashing));
    }
    return hash;
  }

  /** A given raw value must not be stored already: its hash column identifies one token. */
  private void requireUnused(String raw, String hash) {
    Long existing =
        session
            .createSelectionQuery(
                "select count(*) from "
                    + Columns.entityName(session, mapping.tokenType())
                    + " t where t."
                    + mapping.hashField().getName()
                    + " = :hash",
                Long.class)
            .setParameter("hash", hash)
            .getSingleResult();
    if (existing > 0) {
      throw new IllegalArgumentException(
          Messages.duplicateRawToken(
              raw,
              Columns.describe(session, mapping.tokenType(), mapping.hashField()),
              mapping.tokenType()));
    }
  }

  /** The value stored in the owner field: the attached owner entity, or its id. */
  private Object ownerValue(Object owner) {
    Objects.requireNonNull(
        owner, () -> Messages.nullTokenOwner(mapping.ownerType(), mapping.ownerField()));
    if (mapping.ownerIsAssociation()) {
      if (!mapping.ownerField().getType().isInstance(owner)) {
        throw new IllegalArgumentException(
            Messages.wrongTokenOwner(mapping.tokenType(), mapping.ownerField(), owner));
      }
      return registry.attach(owner);
    }
    Class<?> idType = boxed(mapping.ownerField().getType());
    if (idType.isInstance(owner)) {
      return owner;
    }
    boolean fits =
        EntityIds.isEntity(owner)
            && (mapping.ownerType() == null
                || mapping.ownerType().isAssignableFrom(EntityIds.typeOf(owner)));
    if (fits) {
      Object id = EntityIds.idOf(registry.attach(owner));
      if (idType.isInstance(id)) {
        return id;
      }
    }
    throw new IllegalArgumentException(
        Messages.wrongTokenOwnerId(
            mapping.tokenType(), mapping.ownerField(), mapping.ownerType(), owner));
  }

  private static Class<?> boxed(Class<?> type) {
    if (type == long.class) {
      return Long.class;
    }
    if (type == int.class) {
      return Integer.class;
    }
    return type;
  }

  /**
   * The expiry asked for, or now + delta; truncated (not rounded) to the microseconds PostgreSQL
   * keeps.
   */
  private static Instant expiry(Instant now, TokenOptions options) {
    if (options.expiresAt() != null) {
      return checkRange(options.expiresAt(), "expiresAt");
    }
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

  private static Instant checkRange(Instant instant, String option) {
    if (instant.isBefore(POSTGRES_MIN) || instant.isAfter(POSTGRES_MAX)) {
      throw new IllegalArgumentException(Messages.instantOutOfRange(option, instant));
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public @Nullable Class<?> ownerType() {
    return mapping.ownerType();
  }

  @Override
  public String ownerFieldName() {
    return mapping.tokenType().getSimpleName() + "." + mapping.ownerField().getName();
  }

  /** Reads tokens of this factory's mapping, on its clock and hashing. */
  private final class View implements TokenView {

    @Override
    public Class<?> tokenType() {
      return mapping.tokenType();
    }

    @Override
    public Instant now() {
      return clock.instant();
    }

    @Override
    public @Nullable Instant expiresAt(Object token) {
      return mapping.expiresAt(Hibernate.unproxy(token));
    }

    @Override
    public boolean isRevoked(Object token) {
      return mapping.isRevoked(Hibernate.unproxy(token));
    }

    @Override
    public Object family(Object token) {
      return mapping.family(Hibernate.unproxy(token));
    }

    @Override
    public @Nullable Object ownerId(Object token) {
      Object owner = mapping.owner(Hibernate.unproxy(token));
      return owner == null ? null : mapping.ownerIsAssociation() ? EntityIds.idOf(owner) : owner;
    }

    @Override
    public Object idOfOwner(Object candidate) {
      return EntityIds.isEntity(candidate) ? EntityIds.idOf(candidate) : candidate;
    }

    @Override
    public String storedHash(Object token) {
      return mapping.storedHash(Hibernate.unproxy(token));
    }

    @Override
    public String hash(String raw) {
      return hashing.hash(raw);
    }

    @Override
    public String describe(String role) {
      String field =
          switch (role) {
            case "owner" -> mapping.ownerField().getName();
            case "hash" -> mapping.hashField().getName();
            case "family" -> mapping.familyField().getName();
            case "expiresAt" -> mapping.expiresAtField().getName();
            case "revoked" -> mapping.revokedField().getName();
            default -> role;
          };
      return mapping.tokenType().getSimpleName() + "." + field;
    }
  }
}
