package io.github.fixturekit.tokens;

import io.github.fixturekit.internal.EntityFields;
import io.github.fixturekit.internal.Messages;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Where the token roles live in a token entity: named by a {@link TokenSchema} (from {@link
 * TokenMapping} or code), else found by the naming convention. Resolved once per class and mapping.
 */
final class TokenFieldMapping<T> {

  private static final Map<TokenSchema.Fields, TokenFieldMapping<?>> CACHE =
      new ConcurrentHashMap<>();
  static final Set<Class<?>> TIMESTAMP_TYPES =
      Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class);
  private static final Set<Class<?>> BOOLEAN_TYPES = Set.of(boolean.class, Boolean.class);
  private static final Set<Class<?>> FAMILY_TYPES = Set.of(UUID.class, String.class);
  private static final Set<Class<?>> OWNER_ID_TYPES =
      Set.of(Long.class, long.class, Integer.class, int.class, UUID.class, String.class);
  private static final Set<Class<?>> REVOKED_TYPES;

  static {
    Set<Class<?>> revoked = new java.util.HashSet<>(BOOLEAN_TYPES);
    revoked.addAll(TIMESTAMP_TYPES);
    REVOKED_TYPES = Set.copyOf(revoked);
  }

  private final Class<T> tokenType;
  private final Field owner;
  private final boolean ownerIsAssociation;
  private final @Nullable Class<?> ownerType;
  private final Field hash;
  private final Field family;
  private final Field expiresAt;
  private final Field revoked;
  private final @Nullable Field issuedAt;

  private TokenFieldMapping(
      Class<T> tokenType,
      Field owner,
      @Nullable Class<?> ownerType,
      Field hash,
      Field family,
      Field expiresAt,
      Field revoked,
      @Nullable Field issuedAt) {
    this.tokenType = tokenType;
    this.owner = owner;
    this.ownerIsAssociation = isAssociation(owner);
    this.ownerType = ownerIsAssociation ? owner.getType() : ownerType;
    this.hash = hash;
    this.family = family;
    this.expiresAt = expiresAt;
    this.revoked = revoked;
    this.issuedAt = issuedAt;
  }

  /**
   * The convention mapping of {@code tokenType}, resolved once per class.
   *
   * @throws IllegalArgumentException listing every role that could not be mapped
   */
  static <T> TokenFieldMapping<T> of(Class<T> tokenType) {
    return of(TokenSchema.of(tokenType));
  }

  /** The mapping {@code schema} describes, resolved once per class and set of field names. */
  @SuppressWarnings("unchecked")
  static <T> TokenFieldMapping<T> of(TokenSchema<T> schema) {
    return (TokenFieldMapping<T>)
        CACHE.computeIfAbsent(schema.fields(), TokenFieldMapping::resolve);
  }

  /** A role, the problem with it, and whether another field could fill it. */
  private record Problem(String role, String text, @Nullable Set<Class<?>> types) {}

  private static TokenFieldMapping<?> resolve(TokenSchema.Fields names) {
    Class<?> tokenType = names.tokenType();
    List<Field> fields = EntityFields.persistentFields(tokenType);
    List<Problem> problems = new ArrayList<>();

    Field owner = findOwner(tokenType, fields, names.owner(), problems);
    Field hash =
        find(
            tokenType,
            fields,
            "hash",
            names.hash(),
            List.of("tokenHash"),
            Set.of(String.class),
            problems);
    Field family =
        find(
            tokenType,
            fields,
            "family",
            names.family(),
            List.of("familyId"),
            FAMILY_TYPES,
            problems);
    Field expiresAt =
        find(
            tokenType,
            fields,
            "expiresAt",
            names.expiresAt(),
            List.of("expiresAt"),
            TIMESTAMP_TYPES,
            problems);
    Field revoked = findRevoked(tokenType, fields, names.revoked(), problems);
    Field issuedAt = null;
    if (names.issuedAt() != null) {
      issuedAt =
          find(
              tokenType,
              fields,
              "issuedAt",
              names.issuedAt(),
              List.of(),
              TIMESTAMP_TYPES,
              problems);
    } else {
      issuedAt =
          fields.stream()
              .filter(f -> f.getName().equals("issuedAt") && TIMESTAMP_TYPES.contains(f.getType()))
              .findFirst()
              .orElse(null);
    }
    Map<String, Field> mapped = new LinkedHashMap<>();
    mapped.put("owner", owner);
    mapped.put("hash", hash);
    mapped.put("family", family);
    mapped.put("expiresAt", expiresAt);
    mapped.put("revoked", revoked);
    mapped.put("issuedAt", issuedAt);
    checkDistinct(mapped, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          Messages.notATokenEntity(
              tokenType,
              problems.stream().map(Problem::text).toList(),
              suggestion(tokenType, fields, problems, mapped)));
    }
    // no problems: every required role was found
    Field ownerField = Objects.requireNonNull(owner);
    if (!isAssociation(ownerField) && names.ownerType() != null && !isEntity(names.ownerType())) {
      throw new IllegalArgumentException(
          Messages.ownerTypeNotAnEntity(tokenType, names.ownerType()));
    }
    return new TokenFieldMapping<>(
        tokenType,
        ownerField,
        names.ownerType(),
        Objects.requireNonNull(hash),
        Objects.requireNonNull(family),
        Objects.requireNonNull(expiresAt),
        Objects.requireNonNull(revoked),
        issuedAt);
  }

  private static void checkDistinct(Map<String, Field> mapped, List<Problem> problems) {
    Map<Field, String> seen = new LinkedHashMap<>();
    mapped.forEach(
        (role, field) -> {
          if (field == null) {
            return;
          }
          String other = seen.putIfAbsent(field, role);
          if (other != null) {
            problems.add(new Problem(role, Messages.tokenFieldTwoRoles(field, other, role), null));
          }
        });
  }

  private static @Nullable Field findOwner(
      Class<?> tokenType, List<Field> fields, @Nullable String named, List<Problem> problems) {
    if (named != null) {
      Optional<Field> field = fields.stream().filter(f -> f.getName().equals(named)).findFirst();
      if (field.isEmpty()) {
        problems.add(
            new Problem(
                "owner",
                Messages.tokenFieldNotFound("owner", tokenType, named, fields),
                ownerTypes()));
        return null;
      }
      if (!isAssociation(field.get()) && !OWNER_ID_TYPES.contains(field.get().getType())) {
        problems.add(
            new Problem(
                "owner",
                Messages.tokenOwnerWrongType(field.get(), Messages.simpleNames(OWNER_ID_TYPES)),
                ownerTypes()));
        return null;
      }
      return field.get();
    }
    List<Field> associations = fields.stream().filter(TokenFieldMapping::isAssociation).toList();
    if (associations.size() == 1) {
      return associations.get(0);
    }
    Optional<Field> byName =
        (associations.isEmpty() ? fields : associations)
            .stream()
                .filter(f -> f.getName().equals("user") || f.getName().equals("owner"))
                .findFirst();
    if (byName.isPresent()) {
      return byName.get();
    }
    if (associations.isEmpty()) {
      Optional<Field> idColumn =
          fields.stream()
              .filter(f -> f.getName().equals("userId") || f.getName().equals("ownerId"))
              .filter(f -> OWNER_ID_TYPES.contains(f.getType()))
              .findFirst();
      if (idColumn.isPresent()) {
        return idColumn.get();
      }
    }
    problems.add(
        new Problem("owner", Messages.tokenOwnerMissing(tokenType, associations), ownerTypes()));
    return null;
  }

  private static Set<Class<?>> ownerTypes() {
    return OWNER_ID_TYPES;
  }

  private static @Nullable Field findRevoked(
      Class<?> tokenType, List<Field> fields, @Nullable String named, List<Problem> problems) {
    if (named != null) {
      return find(tokenType, fields, "revoked", named, List.of(), REVOKED_TYPES, problems);
    }
    for (String name : List.of("revoked", "isRevoked")) {
      for (Field field : fields) {
        if (field.getName().equals(name)) {
          if (BOOLEAN_TYPES.contains(field.getType())) {
            return field;
          }
          problems.add(
              new Problem(
                  "revoked",
                  Messages.tokenFieldWrongType("revoked", field, BOOLEAN_TYPES),
                  REVOKED_TYPES));
          return null;
        }
      }
    }
    for (Field field : fields) {
      if (field.getName().equals("revokedAt")) {
        if (TIMESTAMP_TYPES.contains(field.getType())) {
          return field;
        }
        problems.add(
            new Problem(
                "revoked",
                Messages.tokenFieldWrongType("revoked", field, TIMESTAMP_TYPES),
                REVOKED_TYPES));
        return null;
      }
    }
    problems.add(
        new Problem(
            "revoked",
            Messages.tokenRevokedMissing(BOOLEAN_TYPES, TIMESTAMP_TYPES),
            REVOKED_TYPES));
    return null;
  }

  private static @Nullable Field find(
      Class<?> tokenType,
      List<Field> fields,
      String role,
      @Nullable String named,
      List<String> conventions,
      Set<Class<?>> types,
      List<Problem> problems) {
    List<String> names = named != null ? List.of(named) : conventions;
    for (String name : names) {
      for (Field field : fields) {
        if (field.getName().equals(name)) {
          if (types.contains(field.getType())) {
            return field;
          }
          problems.add(new Problem(role, Messages.tokenFieldWrongType(role, field, types), types));
          return null;
        }
      }
    }
    if (named != null) {
      problems.add(
          new Problem(role, Messages.tokenFieldNotFound(role, tokenType, named, fields), types));
    } else {
      problems.add(new Problem(role, Messages.tokenFieldMissing(role, names, types), types));
    }
    return null;
  }

  /** The {@code @TokenMapping} that would fix the problems, with the fields that could fit. */
  private static String suggestion(
      Class<?> tokenType, List<Field> fields, List<Problem> problems, Map<String, Field> mapped) {
    List<String> attributes = new ArrayList<>();
    attributes.add("entity = " + tokenType.getSimpleName() + ".class");
    // a field suggested for one role is not offered for another: each role needs a field of its own
    Set<String> suggested = new HashSet<>();
    for (Problem problem : problems) {
      if (problem.types() == null
          || attributes.stream().anyMatch(a -> a.startsWith(problem.role() + " ="))) {
        continue;
      }
      List<String> candidates =
          fields.stream()
              .filter(f -> !mapped.containsValue(f))
              .filter(
                  f -> !f.isAnnotationPresent(Id.class) && !f.isAnnotationPresent(EmbeddedId.class))
              .filter(f -> !f.isAnnotationPresent(Version.class))
              .filter(f -> !suggested.contains(f.getName()))
              .filter(
                  f ->
                      problem.role().equals("owner")
                          ? isAssociation(f)
                              || (OWNER_ID_TYPES.contains(f.getType())
                                  && f.getName().matches(".*(Id|_id)"))
                          : problem.types().contains(f.getType()))
              .map(Field::getName)
              .toList();
      String value =
          candidates.size() == 1
              ? candidates.get(0)
              : candidates.isEmpty() ? "<field>" : "<" + String.join("|", candidates) + ">";
      if (candidates.size() == 1) {
        suggested.add(value);
      }
      attributes.add(problem.role() + " = \"" + value + "\"");
    }
    return "@TokenMapping(" + String.join(", ", attributes) + ")";
  }

  private static boolean isAssociation(Field field) {
    if (field.isAnnotationPresent(ManyToOne.class)) {
      return true;
    }
    OneToOne oneToOne = field.getAnnotation(OneToOne.class);
    return oneToOne != null && oneToOne.mappedBy().isEmpty();
  }

  private static boolean isEntity(Class<?> type) {
    return type.isAnnotationPresent(jakarta.persistence.Entity.class);
  }

  Class<T> tokenType() {
    return tokenType;
  }

  /** The owner's entity class; null when the owner is an id column and no owner type was given. */
  @Nullable Class<?> ownerType() {
    return ownerType;
  }

  Field ownerField() {
    return owner;
  }

  boolean ownerIsAssociation() {
    return ownerIsAssociation;
  }

  Field hashField() {
    return hash;
  }

  Field familyField() {
    return family;
  }

  Field expiresAtField() {
    return expiresAt;
  }

  Field revokedField() {
    return revoked;
  }

  /** The fields {@link #apply} sets on every token it issues. */
  Set<Field> fieldsSet() {
    Set<Field> set = new HashSet<>(Arrays.asList(owner, hash, family, expiresAt, revoked));
    if (issuedAt != null) {
      set.add(issuedAt);
    }
    return Set.copyOf(set);
  }

  boolean hasIssuedAt() {
    return issuedAt != null;
  }

  /** The column length of the hash field, or -1 when it has no {@code @Column(length)}. */
  int hashColumnLength() {
    Column column = hash.getAnnotation(Column.class);
    return column == null ? -1 : column.length();
  }

  /** Writes every token role into {@code token}. */
  void apply(
      T token,
      Object ownerValue,
      String tokenHash,
      Object familyValue,
      Instant expiry,
      boolean isRevoked,
      Instant now,
      Instant issueTime) {
    EntityFields.set(owner, token, ownerValue);
    EntityFields.set(hash, token, tokenHash);
    EntityFields.set(family, token, familyValue(familyValue));
    EntityFields.set(expiresAt, token, toFieldType(expiry, expiresAt.getType()));
    if (BOOLEAN_TYPES.contains(revoked.getType())) {
      EntityFields.set(revoked, token, isRevoked);
    } else {
      EntityFields.set(revoked, token, isRevoked ? toFieldType(now, revoked.getType()) : null);
    }
    if (issuedAt != null) {
      EntityFields.set(issuedAt, token, toFieldType(issueTime, issuedAt.getType()));
    }
  }

  private Object familyValue(Object value) {
    if (family.getType() == UUID.class) {
      return value instanceof UUID ? value : UUID.fromString(value.toString());
    }
    return value.toString();
  }

  /**
   * Marks {@code token} revoked: the flag set, or the timestamp set to {@code now} if still null.
   */
  void revoke(Object token, Instant now) {
    if (BOOLEAN_TYPES.contains(revoked.getType())) {
      EntityFields.set(revoked, token, true);
    } else if (EntityFields.get(revoked, token) == null) {
      EntityFields.set(revoked, token, toFieldType(now, revoked.getType()));
    }
  }

  boolean isRevoked(Object token) {
    Object value = EntityFields.get(revoked, token);
    return value instanceof Boolean b ? b : value != null;
  }

  @Nullable Instant expiresAt(Object token) {
    return toInstant(EntityFields.get(expiresAt, token));
  }

  Object family(Object token) {
    return EntityFields.get(family, token);
  }

  Object owner(Object token) {
    return EntityFields.get(owner, token);
  }

  String storedHash(Object token) {
    return (String) EntityFields.get(hash, token);
  }

  static Object toFieldType(Instant instant, Class<?> type) {
    if (type == Instant.class) {
      return instant;
    }
    if (type == OffsetDateTime.class) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    if (type == ZonedDateTime.class) {
      return instant.atZone(ZoneOffset.UTC);
    }
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static @Nullable Instant toInstant(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
  }
}
