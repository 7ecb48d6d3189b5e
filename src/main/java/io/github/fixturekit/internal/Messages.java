package io.github.fixturekit.internal;

import io.github.fixturekit.Isolation;
import io.github.fixturekit.internal.database.PostgresUrl;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every message fixturekit shows a user, in one place so tests can assert them. Each names the
 * offending element in brackets, says what was expected and found, and what to do next.
 */
public final class Messages {

  private Messages() {}

  // ---- tokens ----

  public static String notAnEntityOfThisEntityManager(Class<?> type) {
    return "["
        + type.getName()
        + "] is not an entity of this EntityManager's persistence unit: a Factory is made only for an"
        + " entity class it manages. Add the class to the persistence unit (for Spring Boot: a package"
        + " under @EntityScan or the application's package), or pass the entity class itself.";
  }

  /**
   * An incomplete token mapping: each problem on a line, then the {@code @TokenMapping} that maps
   * the missing roles ({@code suggestion}, may be null).
   */
  public static String notATokenEntity(
      Class<?> tokenType, List<String> problems, String suggestion) {
    String text =
        "["
            + tokenType.getName()
            + "] does not look like a refresh token entity:\n  - "
            + String.join("\n  - ", problems)
            + "\nA token entity needs an owner association (its single @ManyToOne, or a field named"
            + " 'user' or 'owner'), a String 'tokenHash', a UUID or String 'familyId', an 'expiresAt'"
            + " (Instant, OffsetDateTime, ZonedDateTime or LocalDateTime) and a boolean 'revoked' or"
            + " 'isRevoked'. Rename the fields, or use Factory<"
            + tokenType.getSimpleName()
            + "> for plain rows.";
    if (suggestion == null) {
      return text;
    }
    return text
        + "\nThe owner may also be an id column ('userId', 'ownerId'), and revocation a timestamp"
        + " 'revokedAt'. To keep other names, map them on the test class or the RefreshTokenFactory"
        + " parameter:\n  "
        + suggestion
        + "\nor with FixtureExtension.builder().tokenMapping(TokenSchema.of("
        + tokenType.getSimpleName()
        + ".class)...).";
  }

  public static String tokenFieldNotFound(
      String role, Class<?> tokenType, String named, List<Field> fields) {
    return role
        + ": the mapping names field ["
        + named
        + "], which ["
        + tokenType.getSimpleName()
        + "] does not have; its persistent fields are "
        + names(fields);
  }

  public static String tokenOwnerWrongType(Field field, String idTypes) {
    return "owner: field ["
        + field.getName()
        + "] is "
        + field.getType().getSimpleName()
        + ", neither an association (@ManyToOne, owning @OneToOne) nor an id column of type "
        + idTypes;
  }

  public static String tokenFieldTwoRoles(Field field, String firstRole, String secondRole) {
    return secondRole
        + ": field ["
        + field.getName()
        + "] is already mapped as "
        + firstRole
        + "; each role needs a field of its own";
  }

  public static String tokenRevokedMissing(Set<Class<?>> flagTypes, Set<Class<?>> timestampTypes) {
    return "revoked: no field named 'revoked' or 'isRevoked' of type "
        + simpleNames(flagTypes)
        + ", nor 'revokedAt' of type "
        + simpleNames(timestampTypes);
  }

  public static String ownerTypeNotAnEntity(Class<?> tokenType, Class<?> ownerType) {
    return "ownerType ["
        + ownerType.getName()
        + "] in the token mapping of ["
        + tokenType.getSimpleName()
        + "] is not a JPA @Entity; name the owner's entity class";
  }

  public static String tokenMappingForOtherEntity(Class<?> tokenType, Class<?> mapped) {
    return "@TokenMapping(entity = "
        + mapped.getSimpleName()
        + ".class) cannot map ["
        + tokenType.getName()
        + "]; set entity = "
        + tokenType.getSimpleName()
        + ".class, or leave entity unset";
  }

  public static String hasherNotCreated(Class<?> tokenType, Class<?> hasher, Throwable cause) {
    return "hasher ["
        + hasher.getName()
        + "] in the token mapping of ["
        + tokenType.getSimpleName()
        + "] could not be created ("
        + cause
        + "); give it a public no-argument constructor";
  }

  public static String hmacKeyMissing(Class<?> tokenType, String hashing) {
    return "hashing ["
        + hashing
        + "] in the token mapping of ["
        + tokenType.getSimpleName()
        + "] needs a key: set hmacKey to the key the code under test is configured with";
  }

  public static String rawBytesOutOfRange(Class<?> tokenType, int bytes, int min, int max) {
    return "rawBytes ["
        + bytes
        + "] in the token mapping of ["
        + tokenType.getSimpleName()
        + "] must be between "
        + min
        + " and "
        + max;
  }

  public static String blankRawToken() {
    return "raw must not be blank: pass a URL-safe value such as \"test-token-1\", or leave it unset"
        + " for a random token";
  }

  public static String rawTokenNotUrlSafe(String raw) {
    int position = 0;
    while (position < raw.length()
        && String.valueOf(raw.charAt(position)).matches("[A-Za-z0-9._~-]")) {
      position++;
    }
    return "raw token is not URL-safe: the character at index ["
        + position
        + "] is not a letter, digit or one of - . _ ~; a client sends refresh tokens in URLs, headers"
        + " and forms, so use only those characters";
  }

  public static String duplicateRawToken(String raw, String column, Class<?> tokenType) {
    return "raw token ["
        + mask(raw)
        + "] is already in use: unique column ["
        + column
        + "] of ["
        + tokenType.getSimpleName()
        + "] already holds its hash, and a hash must identify one token. Pass another raw value, or"
        + " leave raw unset for a random token";
  }

  public static String issuedAtNotMapped(Class<?> tokenType) {
    return "issuedAt was given, but ["
        + tokenType.getName()
        + "] has no issue-time field; name one with @TokenMapping(issuedAt = \"...\"), or drop the"
        + " option";
  }

  public static String hashingGaveNothing(Class<?> tokenType, Object hashing) {
    return "the hashing ["
        + hashing
        + "] of ["
        + tokenType.getSimpleName()
        + "] returned no hash; a hashing must return the value to store";
  }

  public static String instantOutOfRange(String option, Instant instant) {
    return option
        + " ["
        + instant
        + "] is outside the range PostgreSQL can store (4713 BC to 294276 AD)";
  }

  public static String familyTooSmall(int size) {
    return "a token family has 1 or more tokens, but size was [" + size + "]";
  }

  public static String wrongTokenType(Class<?> tokenType, Object entity) {
    return "this factory rotates ["
        + tokenType.getName()
        + "] tokens, but the token passed holds a ["
        + EntityIds.typeOf(entity).getName()
        + "]";
  }

  public static String wrongTokenOwnerId(
      Class<?> tokenType, Field ownerField, Class<?> ownerType, Object owner) {
    return "owner of ["
        + tokenType.getSimpleName()
        + "] goes into the id column '"
        + ownerField.getName()
        + "' ("
        + ownerField.getType().getSimpleName()
        + "): pass "
        + (ownerType == null ? "the owner entity" : "a [" + ownerType.getName() + "]")
        + " or its id, but a ["
        + EntityIds.typeOf(owner).getName()
        + "] was passed";
  }

  /** The first four characters of a raw token: enough to tell tokens apart, too few to use one. */
  public static String mask(String raw) {
    return raw.length() <= 8 ? "****" : raw.substring(0, 4) + "****";
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

  public static String tokenHashTooShort(Field field, int length, int hashLength) {
    if (hashLength == 64) {
      return "hash: column of ["
          + field.getName()
          + "] has length "
          + length
          + ", too short for a 64-character SHA-256 hex hash; use @Column(length = 64) or more";
    }
    return "hash: column of ["
        + field.getName()
        + "] has length "
        + length
        + ", too short for the "
        + hashLength
        + "-character hashes of its mapping; use @Column(length = "
        + hashLength
        + ") or more";
  }

  public static String nullTokenOwner(Class<?> ownerType, Field ownerField) {
    return ownerType != null
        ? nullTokenOwner(ownerType)
        : "owner must not be null: pass the owner entity, or its id for column '"
            + ownerField.getName()
            + "'";
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
        + EntityIds.typeOf(owner).getName()
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

  public static String registeredTwice(String test) {
    return "FixtureExtension is registered twice for ["
        + test
        + "]: @FixtureTest (or @ExtendWith) and @RegisterExtension, or on an outer and a @Nested"
        + " class. A test gets one session; keep one registration (a @Nested class inherits the"
        + " outer one)";
  }

  // ---- isolation ----

  public static String mappedOutsideOwnSchema(EntitySet entities, java.util.List<String> outside) {
    return "the entities "
        + entities.describe()
        + " map "
        + String.join(", ", outside)
        + " outside the schema fixturekit creates for them. fixturekit builds an entity set's"
        + " tables by dropping and creating them, so it refuses a mapping into a schema or catalog"
        + " of your own, whose rows it did not create. Remove the schema (or catalog) from"
        + " @Table, @SequenceGenerator, @TableGenerator, @JoinTable or @CollectionTable in the"
        + " test mapping, or set it through hibernate.default_schema in your application instead";
  }

  public static String committedInRollbackMode(EntitySet entities) {
    return "the test committed the transaction of the session fixturekit gave it, so its rows in "
        + entities.describe()
        + " were written for good: rolling back cannot undo them (fixturekit then removes the"
        + " rows committed to the entity set's tables, unless fixturekit.leaks is off, so that"
        + " later tests start empty)."
        + " In Isolation.ROLLBACK fixturekit can only undo what stays in the test's transaction:"
        + " use session.flush() to send SQL without committing, and keep code under test from"
        + " committing the injected session";
  }

  /**
   * The leak report. {@code attributed}: the test ran alone in its entity set, so the rows are its
   * own; otherwise other tests ran at the same time and any of them may have committed the rows.
   */
  public static String leakedRows(
      String test, java.util.Map<String, Long> rows, boolean attributed) {
    String tables =
        rows.entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " row)" : " rows)"))
            .collect(java.util.stream.Collectors.joining(", "));
    String advice =
        " fixturekit emptied these tables so later tests start clean."
            + " Run this test in commit mode (@Isolated(Isolation.TRUNCATE) on the method, or"
            + " @FixtureTest(isolation = Isolation.TRUNCATE)), or set fixturekit.leaks to warn or off";
    if (!attributed) {
      return "rows were committed outside the tests' transactions in Isolation.ROLLBACK while ["
          + test
          + "] ran at the same time as other tests of the same entity set: "
          + tables
          + ". fixturekit cannot tell which of these tests committed them, so it fails none of"
          + " them; run the tests without JUnit's parallel mode to find the one that leaks."
          + advice;
    }
    return "["
        + test
        + "] left committed rows behind in Isolation.ROLLBACK: "
        + tables
        + ". They were committed where the test's rollback cannot reach: by code under test on"
        + " a connection or session of its own (REQUIRES_NEW), or on the test's own connection"
        + " (Session.doWork with commit(), a native COMMIT)."
        + advice;
  }

  public static String transactionAborted(Class<?> type) {
    return "fixturekit could not create ["
        + type.getSimpleName()
        + "]: an earlier error in this test (a constraint violation, a failed statement) aborted"
        + " the test's transaction, and PostgreSQL refuses every statement after it until the"
        + " rollback. Let the test end at the expected error, or run the statement that may fail"
        + " inside a savepoint (Session.doWork: connection.setSavepoint(), then rollback(savepoint))";
  }

  public static String leaksInvalid(String value) {
    return "fixturekit.leaks is [" + value + "]; expected one of fail, warn, off";
  }

  public static String isolationLockTimeout(String test, Isolation isolation, long seconds) {
    return "["
        + test
        + "] waited "
        + seconds
        + " s for the other tests of its entity set to finish before running in Isolation."
        + isolation
        + " (commit-mode tests run alone in their entity set). A test of the same entity set is"
        + " still running: one that hangs, or a test that runs another test run of the same"
        + " entity set inside it";
  }

  public static String cleanupFailed(String test, String reason) {
    return "fixturekit could not empty the tables after ["
        + test
        + "]: "
        + reason
        + ". When it waited for a lock: a connection or transaction that the test or the code under"
        + " test opened is still open on these tables; close it before the test ends";
  }

  public static String lockHoldersEnded(String test, int ended) {
    return "fixturekit could not empty the tables after ["
        + test
        + "] at first: "
        + (ended == 1 ? "a connection" : ended + " connections")
        + " taken from fixturekit's DataSource during the test (by the test or the code under test)"
        + " stayed open inside a transaction and held a lock on these tables for "
        + EntitySetTables.LOCK_TIMEOUT
        + ". fixturekit ended "
        + (ended == 1 ? "it" : "them")
        + " and emptied the tables, so the next tests start clean; close such connections before"
        + " the test ends (try-with-resources)";
  }

  // ---- declarative tokens and the test clock ----

  public static String issuedNotAToken(String parameter) {
    return "@Issued is for IssuedToken parameters, but it is on ["
        + parameter
        + "]; declare it as @Issued IssuedToken<YourTokenEntity>";
  }

  public static String issuedBadDuration(String parameter, String value) {
    return "@Issued(expiresIn = \""
        + value
        + "\") on ["
        + parameter
        + "] is not an ISO-8601 duration; write it like \"PT1H\", \"P30D\" or \"-PT5M\"";
  }

  public static String issuedOwnerUnknown(String parameter, String ownerField) {
    return "["
        + parameter
        + "] needs an owner, but the token's owner ["
        + ownerField
        + "] is an id column of unknown entity; name the owner's entity with"
        + " @TokenMapping(ownerType = YourUser.class)";
  }

  public static String frozenClockInvalid(String element, String value) {
    return "@FrozenClock(\""
        + value
        + "\") on ["
        + element
        + "] is not an ISO-8601 instant; write it like \"2030-01-01T00:00:00Z\"";
  }

  public static String notIssuedByFixturekit(Object issued) {
    return "["
        + issued
        + "] was not issued by a fixturekit RefreshTokenFactory in this JVM, so its mapping and"
        + " clock are unknown; assert on tokens from tokens.create(...), rotate, family or @Issued";
  }

  // ---- factories ----

  public static String negativeCount(int count) {
    return "count must be zero or more, but was [" + count + "]";
  }

  // ---- a database that stops answering ----

  public static String databaseLost(String test, String url, String refusal) {
    return "fixturekit's database at ["
        + PostgresUrl.redacted(url)
        + "] stopped answering during ["
        + test
        + "], and a new connection is refused too ("
        + refusal
        + "). The remaining tests of this run fail at once. Find out why the server stopped (restarted,"
        + " out of memory or disk, a stopped container), then run the tests again";
  }

  public static String databaseStillLost(String test, String url, String lostIn, String refusal) {
    return "["
        + test
        + "] did not run: fixturekit's database at ["
        + PostgresUrl.redacted(url)
        + "] stopped answering during ["
        + lostIn
        + "] and still refuses connections ("
        + refusal
        + "). Find out why the server stopped, then run the tests again";
  }

  public static String injectedSessionClosed() {
    return "the Session fixturekit injected into this test is closed: the test closed it, but fixturekit"
        + " rolls its transaction back and closes it after the test. Remove the test's own"
        + " session.close() (or try-with-resources on it); for a session to close yourself, open one"
        + " with SessionFactory.openSession()";
  }

  public static String givenSessionClosed() {
    return "the Session or EntityManager this factory was made with is closed: make the factory"
        + " again with the session in use, or close the session only after the factory's last call";
  }

  public static String transientEntity(Object entity, Object id) {
    String type = EntityIds.typeOf(entity).getSimpleName();
    return "["
        + EntityIds.typeOf(entity).getName()
        + (id == null
            ? "] has not been persisted (it has no id)"
            : "] with id [" + id + "] has not been persisted (no such row in this test)")
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

  public static String userFactoryEntityNotListed(
      Class<?> factoryClass, Class<?> entity, EntitySet entities) {
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

  // ---- settings ----

  public static String unknownKey(String source, String name, String nearest) {
    return "fixturekit does not know the "
        + source
        + " ["
        + name
        + "] and ignores it; did you mean ["
        + nearest
        + "]? The keys are listed in io.github.fixturekit.FixtureProperties";
  }

  public static String badSetting(String key, String value, String expected) {
    return key + " is [" + value + "]; expected " + expected;
  }

  // ---- helpers ----

  public static String names(Collection<Field> fields) {
    return fields.stream().map(Field::getName).collect(Collectors.joining(", ", "[", "]"));
  }

  public static String simpleNames(Collection<Class<?>> types) {
    return types.stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(" or "));
  }

  static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
