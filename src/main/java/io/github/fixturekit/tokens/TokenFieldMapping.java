package io.github.fixturekit.tokens;

import io.github.fixturekit.internal.EntityFields;
import io.github.fixturekit.internal.Messages;
import jakarta.persistence.Column;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Where the token roles live in a token entity, found by the naming convention. */
final class TokenFieldMapping<T> {

  private static final Map<Class<?>, TokenFieldMapping<?>> CACHE = new ConcurrentHashMap<>();
  private static final Set<Class<?>> EXPIRY_TYPES =
      Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class);
  private static final int SHA256_HEX_LENGTH = 64;

  private final Class<T> tokenType;
  private final Field owner;
  private final Field hash;
  private final Field family;
  private final Field expiresAt;
  private final Field revoked;

  private TokenFieldMapping(
      Class<T> tokenType, Field owner, Field hash, Field family, Field expiresAt, Field revoked) {
    this.tokenType = tokenType;
    this.owner = owner;
    this.hash = hash;
    this.family = family;
    this.expiresAt = expiresAt;
    this.revoked = revoked;
  }

  /**
   * The mapping of {@code tokenType}, resolved once per class.
   *
   * @throws IllegalArgumentException listing every role that could not be mapped
   */
  @SuppressWarnings("unchecked")
  static <T> TokenFieldMapping<T> of(Class<T> tokenType) {
    return (TokenFieldMapping<T>) CACHE.computeIfAbsent(tokenType, TokenFieldMapping::resolve);
  }

  private static <T> TokenFieldMapping<T> resolve(Class<T> tokenType) {
    List<Field> fields = EntityFields.persistentFields(tokenType);
    List<String> problems = new ArrayList<>();

    Field owner = findOwner(tokenType, fields, problems);
    Field hash = findNamed(fields, List.of("tokenHash"), Set.of(String.class), problems, "hash");
    Field family =
        findNamed(fields, List.of("familyId"), Set.of(UUID.class, String.class), problems, "family");
    Field expiresAt = findNamed(fields, List.of("expiresAt"), EXPIRY_TYPES, problems, "expiresAt");
    Field revoked =
        findNamed(
            fields,
            List.of("revoked", "isRevoked"),
            Set.of(boolean.class, Boolean.class),
            problems,
            "revoked");
    if (hash != null) {
      Column column = hash.getAnnotation(Column.class);
      if (column != null && column.length() < SHA256_HEX_LENGTH) {
        problems.add(Messages.tokenHashTooShort(hash, column.length()));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(Messages.notATokenEntity(tokenType, problems));
    }
    return new TokenFieldMapping<>(tokenType, owner, hash, family, expiresAt, revoked);
  }

  private static Field findOwner(Class<?> tokenType, List<Field> fields, List<String> problems) {
    List<Field> associations =
        fields.stream()
            .filter(f -> f.isAnnotationPresent(ManyToOne.class) || isOwningOneToOne(f))
            .toList();
    if (associations.size() == 1) {
      return associations.get(0);
    }
    Optional<Field> named =
        (associations.isEmpty() ? fields : associations)
            .stream()
                .filter(f -> f.getName().equals("user") || f.getName().equals("owner"))
                .findFirst();
    if (named.isPresent()) {
      return named.get();
    }
    problems.add(Messages.tokenOwnerMissing(tokenType, associations));
    return null;
  }

  private static boolean isOwningOneToOne(Field field) {
    OneToOne oneToOne = field.getAnnotation(OneToOne.class);
    return oneToOne != null && oneToOne.mappedBy().isEmpty();
  }

  private static Field findNamed(
      List<Field> fields,
      List<String> names,
      Set<Class<?>> types,
      List<String> problems,
      String role) {
    for (String name : names) {
      for (Field field : fields) {
        if (field.getName().equals(name)) {
          if (types.contains(field.getType())) {
            return field;
          }
          problems.add(Messages.tokenFieldWrongType(role, field, types));
          return null;
        }
      }
    }
    problems.add(Messages.tokenFieldMissing(role, names, types));
    return null;
  }

  Class<T> tokenType() {
    return tokenType;
  }

  Class<?> ownerType() {
    return owner.getType();
  }

  Field ownerField() {
    return owner;
  }

  /** Writes every token role into {@code token}. */
  void apply(
      T token, Object owner, String tokenHash, UUID familyId, Instant expiry, boolean isRevoked) {
    EntityFields.set(this.owner, token, owner);
    EntityFields.set(hash, token, tokenHash);
    EntityFields.set(family, token, family.getType() == UUID.class ? familyId : familyId.toString());
    EntityFields.set(expiresAt, token, toFieldType(expiry, expiresAt.getType()));
    EntityFields.set(revoked, token, isRevoked);
  }

  private static Object toFieldType(Instant instant, Class<?> type) {
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
}
