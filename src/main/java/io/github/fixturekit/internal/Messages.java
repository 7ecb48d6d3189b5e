package io.github.fixturekit.internal;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;

/**
 * Every message fixturekit shows a user, in one place so tests can assert them. Each names the
 * offending element in brackets, says what was expected and found, and what to do next.
 */
public final class Messages {

  private Messages() {}

  // ---- tokens ----

  public static String notATokenEntity(Class<?> tokenType, List<String> problems) {
    return "["
        + tokenType.getName()
        + "] does not look like a refresh token entity:\n  - "
        + String.join("\n  - ", problems)
        + "\nA token entity needs an owner association (its single @ManyToOne, or a field named"
        + " 'user' or 'owner'), a String 'tokenHash', a UUID or String 'familyId', an 'expiresAt'"
        + " (Instant, OffsetDateTime, ZonedDateTime or LocalDateTime) and a boolean 'revoked' or"
        + " 'isRevoked'. Rename the fields, or use Factory<"
        + tokenType.getSimpleName()
        + "> for plain rows.";
  }

  public static String tokenOwnerMissing(Class<?> tokenType, List<Field> associations) {
    if (associations.isEmpty()) {
      return "owner: no @ManyToOne association and no field named 'user' or 'owner' in ["
          + tokenType.getSimpleName()
          + "]";
    }
    return "owner: "
        + associations.size()
        + " associations "
        + names(associations)
        + " and none is named 'user' or 'owner'";
  }

  public static String tokenFieldMissing(String role, List<String> names, Set<Class<?>> types) {
    return role
        + ": no field named "
        + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "))
        + " of type "
        + simpleNames(types);
  }

  public static String tokenFieldWrongType(String role, Field field, Set<Class<?>> types) {
    return role
        + ": field ["
        + field.getName()
        + "] is "
        + field.getType().getSimpleName()
        + ", expected "
        + simpleNames(types);
  }

  public static String tokenHashTooShort(Field field, int length) {
    return "hash: column of ["
        + field.getName()
        + "] has length "
        + length
        + ", too short for a 64-character SHA-256 hex hash; use @Column(length = 64) or more";
  }

  public static String nullTokenOwner(Class<?> ownerType) {
    return "owner must not be null: pass the "
        + ownerType.getSimpleName()
        + " that owns the token, for example tokens.create("
        + decapitalize(ownerType.getSimpleName())
        + "s.create())";
  }

  public static String wrongTokenOwner(Class<?> tokenType, Field ownerField, Object owner) {
    return "owner of ["
        + tokenType.getSimpleName()
        + "] must be a ["
        + ownerField.getType().getName()
        + "] (field '"
        + ownerField.getName()
        + "'), but a ["
        + Hibernate.getClass(owner).getName()
        + "] was passed";
  }

  public static String expiryOverflow(Instant now, Duration expiresIn) {
    return "expiresIn ["
        + expiresIn
        + "] from now ["
        + now
        + "] is outside the range PostgreSQL can store (4713 BC to 294276 AD); use a shorter"
        + " Duration";
  }

  // ---- factories ----

  public static String negativeCount(int count) {
    return "count must be zero or more, but was [" + count + "]";
  }

  public static String transientEntity(Object entity, Object id) {
    String type = Hibernate.getClass(entity).getSimpleName();
    return "["
        + Hibernate.getClass(entity).getName()
        + (id == null ? "] has not been persisted (it has no id)" : "] with id [" + id + "] has not been persisted (no such row in this test)")
        + ", so nothing can refer to it. Create it with Factory<"
        + type
        + ">.create(), or persist it first; rows of earlier tests are rolled back";
  }

  public static String requiredParentCycle(List<FactoryRegistry.ParentStep> chain) {
    String path =
        chain.stream()
            .map(step -> step.owner().getSimpleName() + "." + step.field().getName())
            .collect(Collectors.joining(" -> "));
    Field last = chain.get(chain.size() - 1).field();
    String types =
        chain.stream()
            .map(step -> "[" + step.owner().getName() + "]")
            .distinct()
            .collect(Collectors.joining(", "));
    return "required parents form a loop: "
        + path
        + " -> "
        + last.getType().getSimpleName()
        + " (through "
        + types
        + "). fixturekit cannot create such a chain on its own; set one of these fields in a"
        + " customizer, for example factory.create(e -> e.set"
        + capitalize(chain.get(0).field().getName())
        + "(existing))";
  }

  public static String uniqueColumnTooShort(Field field, int length) {
    return "unique column ["
        + field.getDeclaringClass().getSimpleName()
        + "."
        + field.getName()
        + "] has length "
        + length
        + ", too short for a value unique in this run; set it in a customizer";
  }

  public static String fieldNotWritable(Field field, Exception cause) {
    return "fixturekit could not access field ["
        + field.getDeclaringClass().getName()
        + "."
        + field.getName()
        + "]: "
        + cause.getMessage()
        + ". If the class is in a named module, open its package to fixturekit";
  }

  // ---- settings ----

  public static String badSetting(String key, String value, String expected) {
    return key + " is [" + value + "]; expected " + expected;
  }

  // ---- helpers ----

  static String names(Collection<Field> fields) {
    return fields.stream().map(Field::getName).collect(Collectors.joining(", ", "[", "]"));
  }

  static String simpleNames(Collection<Class<?>> types) {
    return types.stream()
        .map(Class::getSimpleName)
        .sorted()
        .collect(Collectors.joining(" or "));
  }

  static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
