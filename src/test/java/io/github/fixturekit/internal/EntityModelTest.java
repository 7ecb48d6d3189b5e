package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.NaturalId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a factory reads off an entity class, read straight from the model (no database): each entity
 * here is made for one question, so a wrong answer names the rule that broke.
 */
class EntityModelTest {

  static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::getName).toList();
  }

  static Field field(Class<?> type, String name) {
    return TestFields.field(type, name);
  }

  @Entity
  static class Target {
    @Id @GeneratedValue Long id;
  }

  @Nested
  class Parents {

    @Entity
    static class Child {
      @Id @GeneratedValue Long id;

      @ManyToOne(optional = false)
      Target notOptional;

      @ManyToOne
      @JoinColumn(nullable = false)
      Target notNullColumn;

      @ManyToOne @NotNull Target validated;

      @OneToOne(optional = false)
      Target ownedOneToOne;

      @ManyToOne Target optional;

      @OneToOne Target optionalOneToOne;

      @OneToOne(mappedBy = "child", optional = false)
      Target inverseSide;

      @JoinColumn(nullable = false)
      @Transient
      Target notAnAssociation;
    }

    @Test
    void aParentIsRequiredWhenNotOptionalNotNullOrValidatedNotNull() {
      assertThat(names(EntityModel.uncached(Child.class).requiredParents()))
          .containsExactlyInAnyOrder("notOptional", "notNullColumn", "validated", "ownedOneToOne");
    }

    @Test
    void everyOtherOwningToOneIsOptionalAndTheInverseSideIsNeither() {
      assertThat(names(EntityModel.uncached(Child.class).optionalParents()))
          .containsExactlyInAnyOrder("optional", "optionalOneToOne");
    }
  }

  @Nested
  class RequiredValues {

    @Entity
    static class Values {
      @Id @GeneratedValue Long id;

      @Column(nullable = false)
      String notNullColumn;

      @Basic(optional = false)
      String notOptional;

      @NotNull String validated;

      @NotBlank String notBlank;

      @Column(nullable = false)
      int primitive;

      @Column(nullable = false, insertable = false)
      String filledByTheDatabase;

      @Column String free;

      @Basic String optionalBasic;
    }

    @Test
    void aValueIsRequiredWhenItsColumnBasicOrValidationSaysSo() {
      assertThat(names(EntityModel.uncached(Values.class).requiredValues()))
          .containsExactlyInAnyOrder("notNullColumn", "notOptional", "validated", "notBlank");
    }

    @Entity
    static class AssignedKey {
      @Id Long id;

      @Id String part;

      @Id @GeneratedValue Long generated;
    }

    @Test
    void everyIdWithoutAGeneratorIsAssignedAndRequired() {
      EntityModel<AssignedKey> model = EntityModel.uncached(AssignedKey.class);

      assertThat(names(model.assignedIds())).containsExactly("id", "part");
      assertThat(names(model.requiredValues())).isEmpty();
    }

    @Entity
    static class DateKey {
      @Id LocalDate day;
    }

    @Test
    void anIdOfATypeFixturekitCannotCountIsLeftToRandomData() {
      EntityModel<DateKey> model = EntityModel.uncached(DateKey.class);

      assertThat(model.assignedIds()).isEmpty();
      assertThat(EntityModel.findLeftAlone(field(DateKey.class, "day"))).isFalse();
      assertThat(names(model.requiredValues())).containsExactly("day");
    }
  }

  @Nested
  class Unique {

    @Embeddable
    static class Address {
      @Column(unique = true)
      String postcode;

      String city;
    }

    @Entity
    static class Person {
      @Id @GeneratedValue Long id;

      @Column(unique = true)
      String email;

      @NaturalId String handle;

      @Column(unique = true, insertable = false)
      String filledByTheDatabase;

      @Column String name;

      @Embedded Address address;
    }

    @Test
    void uniqueColumnsAndNaturalIdsThatFixturekitFills() {
      assertThat(names(EntityModel.uncached(Person.class).uniqueFields()))
          .containsExactly("email", "handle");
    }

    @Test
    void uniqueColumnsOfEmbeddedValuesArePairedWithTheirHolder() {
      EntityModel<Person> model = EntityModel.uncached(Person.class);

      assertThat(model.embeddedUniqueFields())
          .singleElement()
          .satisfies(
              pair ->
                  assertThat(Arrays.stream(pair).map(Field::getName))
                      .containsExactly("address", "postcode"));
      assertThat(model.uniqueFieldSet().stream().map(Field::getName).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("email", "handle", "postcode");
    }
  }

  @Nested
  class DatabaseWrites {

    @Entity
    static class Plain {
      @Id @GeneratedValue Long id;

      @Column(nullable = false)
      String name;

      @Embedded Plainly value;
    }

    @Embeddable
    static class Plainly {
      String text;
    }

    @Entity
    static class WithDefault {
      @Id @GeneratedValue Long id;

      @ColumnDefault("0")
      Integer counter;
    }

    @Entity
    static class WithDefinition {
      @Id @GeneratedValue Long id;

      @Column(columnDefinition = "text default 'x'")
      String text;
    }

    @Entity
    static class WithoutInsert {
      @Id @GeneratedValue Long id;

      @Column(insertable = false)
      String text;
    }

    @Entity
    static class WithTimestamp {
      @Id @GeneratedValue Long id;

      @CreationTimestamp Instant createdAt;
    }

    @Entity
    static class WithFormula {
      @Id @GeneratedValue Long id;

      @Formula("1 + 1")
      Integer two;
    }

    @Entity
    static class WithGenerated {
      @Id @GeneratedValue Long id;

      @Generated Integer serial;
    }

    @Embeddable
    static class Defaulted {
      @ColumnDefault("'x'")
      String text;
    }

    @Embeddable
    static class Outer {
      @Embedded Defaulted inner;
    }

    @Entity
    static class WithNestedDefault {
      @Id @GeneratedValue Long id;

      @Embedded Outer outer;
    }

    @Test
    void anEntityWhoseRowHoldsOnlyWhatWasInsertedIsNotReadBack() {
      EntityModel<Plain> model = EntityModel.uncached(Plain.class);

      assertThat(model.databaseWritesColumns()).isFalse();
      assertThat(model.readsBack()).isFalse();
    }

    @Test
    void defaultsDefinitionsColumnsLeftOutAndGeneratedValuesAreTheDatabases() {
      for (Class<?> type :
          List.of(
              WithDefault.class,
              WithDefinition.class,
              WithoutInsert.class,
              WithTimestamp.class,
              WithFormula.class,
              WithGenerated.class)) {
        assertThat(EntityModel.uncached(type).databaseWritesColumns())
            .as(type.getSimpleName())
            .isTrue();
      }
    }

    @Test
    void aDefaultTwoEmbeddedValuesDeepCounts() {
      assertThat(EntityModel.uncached(WithNestedDefault.class).databaseWritesColumns()).isTrue();
    }

    @Test
    void onlyAFormulaNeedsFixturekitsOwnReadBack() {
      assertThat(EntityModel.uncached(WithFormula.class).readsBack()).isTrue();
      assertThat(EntityModel.uncached(WithGenerated.class).readsBack()).isFalse();
      assertThat(EntityModel.uncached(WithTimestamp.class).readsBack()).isFalse();
    }
  }

  @Nested
  class Associations {

    @Entity
    static class Tag {
      @Id @GeneratedValue Long id;
    }

    @Entity
    static class Parent {
      @Id @GeneratedValue Long id;

      @OneToMany(mappedBy = "parent")
      List<Child> children;

      @OneToMany(mappedBy = "other")
      List<Child> byOther;

      @ManyToMany List<Tag> tags;

      @ManyToMany(mappedBy = "parents")
      List<Tag> inverseTags;

      @OneToMany List<Tag> ownedTags;
    }

    @Entity
    static class Child {
      @Id @GeneratedValue Long id;

      @ManyToOne Parent parent;

      @ManyToOne Parent unrelated;

      @OneToOne(mappedBy = "child")
      Parent inverseOne;
    }

    @Test
    void collectionsAreOneToManyAndManyToMany() {
      assertThat(names(EntityModel.uncached(Parent.class).collections()))
          .containsExactlyInAnyOrder("children", "byOther", "tags", "inverseTags", "ownedTags");
    }

    @Test
    void theOwningCollectionsWriteJoinRows() {
      assertThat(names(EntityModel.uncached(Parent.class).ownedCollections()))
          .containsExactlyInAnyOrder("tags", "ownedTags");
    }

    @Test
    void inverseChildrenAreMappedByButNotManyToMany() {
      assertThat(names(EntityModel.uncached(Parent.class).inverseChildren()))
          .containsExactlyInAnyOrder("children", "byOther");
      assertThat(names(EntityModel.uncached(Child.class).inverseChildren()))
          .containsExactly("inverseOne");
    }

    @Test
    void aParentIsPairedWithTheCollectionMappedByIt() {
      Map<Field, Field> inverses = EntityModel.uncached(Child.class).parentsWithInverse();

      assertThat(inverses).containsOnlyKeys(field(Child.class, "parent"));
      assertThat(inverses.get(field(Child.class, "parent")))
          .isEqualTo(field(Parent.class, "children"));
      assertThat(EntityModel.inverseCollection(field(Child.class, "unrelated"))).isNull();
    }

    @Test
    void mappedByAndTargetTypeOfEachKindOfAssociation() {
      assertThat(EntityModel.mappedBy(field(Parent.class, "children"))).isEqualTo("parent");
      assertThat(EntityModel.mappedBy(field(Parent.class, "inverseTags"))).isEqualTo("parents");
      assertThat(EntityModel.mappedBy(field(Child.class, "inverseOne"))).isEqualTo("child");
      assertThat(EntityModel.mappedBy(field(Parent.class, "tags"))).isEmpty();
      assertThat(EntityModel.mappedBy(field(Child.class, "parent"))).isEmpty();
      assertThat(EntityModel.targetType(field(Parent.class, "children"))).isEqualTo(Child.class);
      assertThat(EntityModel.targetType(field(Child.class, "parent"))).isEqualTo(Parent.class);
    }
  }

  @Nested
  class LeftAlone {

    @Entity
    static class Fields {
      @Id @GeneratedValue Long id;

      @Version Long version;

      @ManyToOne Target parent;

      @OneToMany List<Target> children;

      @Column(insertable = false)
      String computed;

      @CreationTimestamp Instant createdAt;

      @Transient String notPersistent;

      @Column String name;

      Integer count;
    }

    @Test
    void idsVersionsAssociationsAndTheDatabasesColumnsAreLeftAlone() {
      for (String name :
          List.of(
              "id", "version", "parent", "children", "computed", "createdAt", "notPersistent")) {
        assertThat(EntityModel.findLeftAlone(field(Fields.class, name))).as(name).isTrue();
      }
    }

    @Test
    void plainColumnsAreFilled() {
      assertThat(EntityModel.findLeftAlone(field(Fields.class, "name"))).isFalse();
      assertThat(EntityModel.findLeftAlone(field(Fields.class, "count"))).isFalse();
      // the cached answer, asked for every field Instancio meets, is the same
      assertThat(EntityModel.isLeftAlone(field(Fields.class, "name"))).isFalse();
      assertThat(EntityModel.isLeftAlone(field(Fields.class, "version"))).isTrue();
    }

    @Test
    void nothingIsLeftToFillOnlyWhenTheCallerSetsEveryFilledField() {
      EntityModel<Fields> model = EntityModel.uncached(Fields.class);
      Set<Field> both = Set.of(field(Fields.class, "name"), field(Fields.class, "count"));
      Set<Field> one = new HashSet<>(Set.of(field(Fields.class, "name")));

      assertThat(model.leavesNothingToFill(both)).isTrue();
      assertThat(model.leavesNothingToFill(one)).isFalse();
      assertThat(model.leavesNothingToFill(Set.of())).isFalse();
    }
  }

  @Nested
  class Refused {

    @Entity
    abstract static class Abstract {
      @Id @GeneratedValue Long id;
    }

    @Entity
    static class NoConstructor {
      @Id @GeneratedValue Long id;

      NoConstructor(Long id) {
        this.id = id;
      }
    }

    @Test
    void anAbstractEntityCannotBeMade() {
      assertThatThrownBy(() -> EntityModel.uncached(Abstract.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Abstract.class.getName());
    }

    @Test
    void anEntityWithoutAConstructorWithoutArgumentsCannotBeMade() {
      assertThatThrownBy(() -> EntityModel.uncached(NoConstructor.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(NoConstructor.class.getName());
    }

    @Test
    void aModelIsMadeOncePerClassAndMakesNewEmptyEntities() {
      EntityModel<Target> model = EntityModel.of(Target.class);

      assertThat(EntityModel.of(Target.class)).isSameAs(model);
      assertThat(model.type()).isEqualTo(Target.class);
      Target made = model.newInstance();
      assertThat(made).isNotNull().isNotSameAs(model.newInstance());
      assertThat(made.id).isNull();
    }
  }
}
