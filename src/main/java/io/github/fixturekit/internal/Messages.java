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

  // ---- entity sets ----

  public static String noEntitiesDiscovered(Class<?> testClass, String pkg) {
    return "fixturekit found no entity classes for ["
        + testClass.getName()
        + "]: it lists none, and package ["
        + pkg
        + "] and its subpackages hold no @Entity class. List them with @FixtureTest(entities ="
        + " {User.class, ...}) or FixtureExtension.builder().entities(...), or set"
        + " fixturekit.entities to their packages or classes, comma-separated (for example"
        + " com.example.domain)";
  }

  // ---- isolation ----

  public static String committedInRollbackMode(EntitySet entities) {
    return "the test committed the transaction of the session fixturekit gave it, so its rows in "
        + entities.describe()
        + " are in the database for good and later tests of this JVM will see them."
        + " In Isolation.ROLLBACK fixturekit can only undo what stays in the test's transaction:"
        + " use session.flush() to send SQL without committing, and keep code under test from"
        + " committing the injected session";
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

  public static String patternNotSupported(Field field, String regexp, String construct) {
    return "fixturekit cannot make values for ["
        + field.getDeclaringClass().getName()
        + "."
        + field.getName()
        + "] from @Pattern(regexp = \""
        + regexp
        + "\"): it does not understand "
        + construct
        + ". Set the field with a customizer, for example factory.create(e -> e.set"
        + capitalize(field.getName())
        + "(...)), or in the defaults of a custom factory (a FixtureFactory)";
  }

  public static String patternNotMet(Field field, String regexp, int min, int max, boolean unique) {
    return "fixturekit found no value for ["
        + field.getDeclaringClass().getName()
        + "."
        + field.getName()
        + "] that matches @Pattern(regexp = \""
        + regexp
        + "\") with a length from "
        + min
        + " to "
        + max
        + (unique ? " and was not used before in this run (the column is unique)" : "")
        + ". Set the field with a customizer, for example factory.create(e -> e.set"
        + capitalize(field.getName())
        + "(...)), or in the defaults of a custom factory (a FixtureFactory)";
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

  public static String abstractEntity(Class<?> type) {
    return "["
        + type.getName()
        + "] is abstract, so fixturekit cannot make one. Use Factory<...> of a concrete subclass,"
        + " or a custom factory (a FixtureFactory) that picks one";
  }

  public static String noUsableConstructor(Class<?> type) {
    return "["
        + type.getName()
        + "] has no constructor without arguments, so fixturekit cannot make one. Add one (it may"
        + " be protected, as JPA allows), or make the entities yourself in a custom factory";
  }

  public static String cannotFill(Class<?> type, String detail) {
    return "fixturekit could not fill ["
        + type.getName()
        + "] with random data: "
        + detail
        + ". Set the field yourself with a customizer, for example"
        + " factory.create(e -> e.setField(value)), or in the defaults of a custom factory"
        + " (a FixtureFactory)";
  }

  public static String cannotFillField(Class<?> type, Field field, String userFactory) {
    return "fixturekit cannot fill ["
        + type.getName()
        + "."
        + field.getName()
        + "] of type ["
        + field.getGenericType().getTypeName()
        + "]: it makes no random values of that type, and the column needs one. Set it with a"
        + " customizer, for example factory.create(e -> e.set"
        + capitalize(field.getName())
        + "(...)), or in the defaults of "
        + (userFactory.isEmpty() ? "a custom factory (a FixtureFactory)" : "[" + userFactory + "]");
  }

  public static String noBackReference(Field inverse, String mappedBy) {
    return "["
        + inverse.getDeclaringClass().getName()
        + "."
        + inverse.getName()
        + "] is mappedBy ["
        + mappedBy
        + "], but its elements have no such field; check the mapping";
  }

  public static String badSeed(String value) {
    return io.github.fixturekit.FixtureProperties.SEED
        + " is ["
        + value
        + "]; expected a whole number such as 42, the seed a failed test printed";
  }

  public static String seedReport(String test, long seed) {
    return "fixturekit: the random data of ["
        + test
        + "] came from seed "
        + seed
        + "; to make the same data again, put @FixtureSeed("
        + seed
        + "L) on the test";
  }

  // ---- user-defined factories ----

  public static String sequenceWithoutN(Class<?> owner, String template) {
    return "sequence template ["
        + template
        + "] of ["
        + owner.getName()
        + "] has no {n}; write where the number goes, for example \"user-{n}@example.org\"";
  }

  public static String userFactoryConstructor(Class<?> factoryClass) {
    return "fixturekit cannot make ["
        + factoryClass.getName()
        + "]: a factory needs to be a concrete class (static if nested) with a constructor"
        + " without arguments; it may be private";
  }

  public static String userFactoryConstructorFailed(Class<?> factoryClass, Throwable cause) {
    return "the constructor of [" + factoryClass.getName() + "] failed: " + cause;
  }

  public static String userFactoryEntityUnknown(Class<?> factoryClass) {
    return "["
        + factoryClass.getName()
        + "] does not say which entity it makes; extend FixtureFactory with the entity as its type"
        + " argument, for example class UserFactory extends FixtureFactory<User>";
  }

  public static String userFactoryEntityNotListed(Class<?> factoryClass, Class<?> entity, EntitySet entities) {
    return "["
        + factoryClass.getName()
        + "] makes ["
        + entity.getName()
        + "], which is not in the entity set "
        + entities.describe()
        + " of this test; add "
        + entity.getSimpleName()
        + ".class to "
        + entities.whereListed();
  }

  public static String userFactoryNotInjected(Class<?> factoryClass) {
    return "["
        + factoryClass.getName()
        + "] was made with new, so it has no session to work in; declare it as a parameter of the"
        + " test or @BeforeEach method instead, for example void test("
        + factoryClass.getSimpleName()
        + " factory)";
  }

  public static String noSuchField(Class<?> factoryClass, Class<?> entityType, String field) {
    return "["
        + factoryClass.getName()
        + "] derives field ["
        + field
        + "], but ["
        + entityType.getName()
        + "] has no persistent field of that name";
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
