package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Which fields of an entity fixturekit fills, and how it reads and writes them, asked of {@link
 * EntityFields} directly. The fields are cached per class, so the rule is asked through the
 * uncached {@link EntityFields#findPersistentFields} and the cache once beside it.
 */
class EntityFieldsTest {

  static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::getName).toList();
  }

  static Field field(Class<?> type, String name) {
    return TestFields.field(type, name);
  }

  /**
   * Whether {@code field}'s accessible flag is set. {@link Field#canAccess} would not tell: this
   * test is a nestmate of its entities, so it may read their private fields anyway.
   */
  @SuppressWarnings("deprecation")
  static boolean madeAccessible(Field field) {
    return field.isAccessible();
  }

  @Nested
  class WhichFields {

    @Entity
    static class Root {
      Long rootId;
      String rootName;
    }

    /** Neither an entity nor a mapped superclass: its fields are no columns of its subclasses. */
    static class Plain extends Root {
      String plainField;
    }

    @MappedSuperclass
    static class Middle extends Plain {
      String middleField;
    }

    @Entity
    static class Leaf extends Middle {
      String leafField;
      String leafOther;
    }

    /** Not mapped itself, below an entity. */
    static class Unmapped extends Leaf {
      String ownField;
    }

    @Entity
    @SuppressWarnings("MemberName")
    static class Kinds {
      static String staticField;
      transient String transientField;
      @Transient String annotatedTransient;
      String $$_hibernate_tracker;
      String $$_hibernateWithoutUnderscore;
      String kept;
    }

    @Entity
    class Inner {
      String name;
    }

    @Test
    void theClassComesFirstThenItsMappedAndEntitySuperclassesAndAPlainSuperclassIsSkipped() {
      assertThat(names(EntityFields.findPersistentFields(Leaf.class)))
          .containsExactly("leafField", "leafOther", "middleField", "rootId", "rootName");
    }

    @Test
    void theClassItselfCountsEvenWhenItIsNotMapped() {
      assertThat(names(EntityFields.findPersistentFields(Plain.class)))
          .containsExactly("plainField", "rootId", "rootName");
      assertThat(names(EntityFields.findPersistentFields(Unmapped.class)))
          .containsExactly(
              "ownField", "leafField", "leafOther", "middleField", "rootId", "rootName");
    }

    @Test
    void staticTransientAnnotatedTransientAndEnhancementFieldsAreLeftOut() {
      assertThat(names(EntityFields.findPersistentFields(Kinds.class)))
          .containsExactly("$$_hibernateWithoutUnderscore", "kept");
    }

    @Test
    void eachRuleOnItsOwn() {
      assertThat(EntityFields.isPersistent(field(Kinds.class, "staticField"))).isFalse();
      assertThat(EntityFields.isPersistent(field(Kinds.class, "transientField"))).isFalse();
      assertThat(EntityFields.isPersistent(field(Kinds.class, "annotatedTransient"))).isFalse();
      assertThat(EntityFields.isPersistent(field(Kinds.class, "$$_hibernate_tracker"))).isFalse();
      assertThat(EntityFields.isPersistent(field(Kinds.class, "$$_hibernateWithoutUnderscore")))
          .isTrue();
      assertThat(EntityFields.isPersistent(field(Kinds.class, "kept"))).isTrue();
    }

    @Test
    void theSyntheticReferenceOfAnInnerClassToItsOuterInstanceIsLeftOut() {
      List<Field> synthetic =
          Arrays.stream(Inner.class.getDeclaredFields()).filter(Field::isSynthetic).toList();
      // this$1, and under a coverage tool maybe its own fields too
      assertThat(synthetic).extracting(Field::getName).anyMatch(n -> n.startsWith("this$"));

      assertThat(synthetic).noneMatch(EntityFields::isPersistent);
      assertThat(names(EntityFields.findPersistentFields(Inner.class))).containsExactly("name");
    }

    @Test
    void theFieldsAreMadeAccessible() {
      assertThat(EntityFields.findPersistentFields(Leaf.class))
          .allSatisfy(f -> assertThat(madeAccessible(f)).as(f.getName()).isTrue());
    }

    @Test
    void aFieldTheModuleSystemKeepsClosedIsStillListedButNotAccessible() {
      List<Field> fields = EntityFields.findPersistentFields(Duration.class);

      assertThat(names(fields)).containsExactly("seconds", "nanos");
      assertThat(fields).noneMatch(EntityFieldsTest::madeAccessible);
    }

    /**
     * A class no cache has seen yet: a hidden copy of {@link Leaf}, new on each call (a JVM that
     * ran these tests before has the fields of {@code Leaf} itself cached).
     */
    Class<?> freshLeaf() throws IOException, IllegalAccessException {
      String resource = "/" + Leaf.class.getName().replace('.', '/') + ".class";
      try (InputStream in = Leaf.class.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        return MethodHandles.lookup().defineHiddenClass(in.readAllBytes(), true).lookupClass();
      }
    }

    @Test
    void theCachedListIsTheSameEveryTimeAndCannotBeChanged() throws Exception {
      Class<?> leaf = freshLeaf();
      List<Field> fields = EntityFields.persistentFields(leaf);

      assertThat(names(fields))
          .containsExactly("leafField", "leafOther", "middleField", "rootId", "rootName");
      assertThat(fields.get(0).getDeclaringClass()).isSameAs(leaf);
      assertThat(EntityFields.persistentFields(leaf)).isSameAs(fields);
      assertThatThrownBy(() -> fields.remove(0)).isInstanceOf(UnsupportedOperationException.class);
      assertThat(names(EntityFields.persistentFields(Leaf.class)))
          .containsExactly("leafField", "leafOther", "middleField", "rootId", "rootName");
    }
  }

  @Nested
  class ReadAndWrite {

    static class Account {
      private Integer balance = 1;
      private static final String FIXED = "fixed";

      static String fixed() {
        return FIXED;
      }
    }

    /** The field as reflection hands it out: not accessible yet. */
    Field balance() {
      Field field = field(Account.class, "balance");
      assertThat(madeAccessible(field)).isFalse();
      return field;
    }

    /** The field as {@link EntityFields#findPersistentFields} hands it out: accessible. */
    Field accessibleBalance() {
      Field field = EntityFields.findPersistentFields(Account.class).get(0);
      assertThat(field.getName()).isEqualTo("balance");
      return field;
    }

    IllegalStateException failure(ThrowingCallable call) {
      return catchThrowableOfType(IllegalStateException.class, call);
    }

    void assertNotAccessible(IllegalStateException e, Field field, Class<?> cause) {
      assertThat(e).isNotNull();
      assertThat(e.getCause()).isInstanceOf(cause);
      assertThat(e)
          .hasMessage(Messages.fieldNotWritable(field, (Exception) e.getCause()))
          .hasMessageStartingWith(
              "fixturekit could not access field ["
                  + field.getDeclaringClass().getName()
                  + "."
                  + field.getName()
                  + "]: ")
          .hasMessageEndingWith("open its package to fixturekit");
    }

    @Test
    void aPrivateFieldIsWrittenAndReadAndMadeAccessibleOnTheWay() {
      Account account = new Account();
      Field field = balance();

      EntityFields.set(field, account, 42);

      assertThat(account.balance).isEqualTo(42);
      assertThat(madeAccessible(field)).isTrue();
      assertThat(EntityFields.get(balance(), account)).isEqualTo(42);
    }

    @Test
    void anAccessibleFieldIsWrittenAndRead() {
      Account account = new Account();

      EntityFields.set(accessibleBalance(), account, 7);

      assertThat(account.balance).isEqualTo(7);
      assertThat(EntityFields.get(accessibleBalance(), account)).isEqualTo(7);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
      Account account = new Account();

      for (Field field : List.of(balance(), accessibleBalance())) {
        assertNotAccessible(
            failure(() -> EntityFields.set(field, account, "ten")),
            field,
            IllegalArgumentException.class);
      }
      assertThat(account.balance).isEqualTo(1);
    }

    @Test
    void aTargetOfTheWrongClassNamesTheFieldOnWriteAndRead() {
      for (Field field : List.of(balance(), accessibleBalance())) {
        assertNotAccessible(
            failure(() -> EntityFields.set(field, "not an account", 3)),
            field,
            IllegalArgumentException.class);
        assertNotAccessible(
            failure(() -> EntityFields.get(field, "not an account")),
            field,
            IllegalArgumentException.class);
      }
    }

    @Test
    void noTargetNamesTheFieldOnWriteAndRead() {
      for (Field field : List.of(balance(), accessibleBalance())) {
        assertNotAccessible(
            failure(() -> EntityFields.set(field, null, 3)), field, NullPointerException.class);
        assertNotAccessible(
            failure(() -> EntityFields.get(field, null)), field, NullPointerException.class);
      }
    }

    @Test
    void aStaticFinalFieldCannotBeWrittenEvenWhenAccessible() {
      Field field = field(Account.class, "FIXED");

      assertNotAccessible(
          failure(() -> EntityFields.set(field, null, "changed")),
          field,
          IllegalAccessException.class);
      assertThat(Account.fixed()).isEqualTo("fixed");
      assertThat(EntityFields.get(field, null)).isEqualTo("fixed");
    }

    @Test
    void aFieldOfAClosedModuleNamesTheFieldAndSaysToOpenItsPackage() {
      Field seconds = field(Duration.class, "seconds");

      assertNotAccessible(
          failure(() -> EntityFields.get(seconds, Duration.ofSeconds(5))),
          seconds,
          InaccessibleObjectException.class);
      assertNotAccessible(
          failure(() -> EntityFields.set(seconds, Duration.ofSeconds(5), 6L)),
          seconds,
          InaccessibleObjectException.class);
    }
  }
}
