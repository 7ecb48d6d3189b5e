package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * An entity set is checked when it is made: every class an entity, every association leading into
 * the set; and its schema name depends on its classes only.
 */
class EntitySetTest {

  @Entity
  static class Author {
    @Id @GeneratedValue Long id;
  }

  @Entity
  static class SpecialAuthor extends Author {}

  @Entity
  static class Tag {
    @Id @GeneratedValue Long id;
  }

  @Entity
  static class Book {
    @Id @GeneratedValue Long id;

    @ManyToOne Author author;
  }

  @Entity
  static class Profile {
    @Id @GeneratedValue Long id;

    @OneToOne Author author;
  }

  @Entity
  static class Shelf {
    @Id @GeneratedValue Long id;

    @OneToMany List<Book> books;
  }

  @Entity
  static class Catalogue {
    @Id @GeneratedValue Long id;

    @ManyToMany Map<String, Tag> tagsByName;
  }

  @Entity
  static class Explicit {
    @Id @GeneratedValue Long id;

    @SuppressWarnings("rawtypes")
    @OneToMany(targetEntity = Tag.class)
    List untyped;
  }

  @Entity
  static class ToSubclass {
    @Id @GeneratedValue Long id;

    @ManyToOne SpecialAuthor author;
  }

  static EntitySet of(Class<?>... classes) {
    return EntitySet.of(List.of(classes), "the test's entities", "@FixtureTest(entities)");
  }

  static void refused(String target, Class<?>... classes) {
    assertThatThrownBy(() -> of(classes))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("refers to [" + target + "], which is not in the test's entities")
        .hasMessageContaining(" to @FixtureTest(entities)");
  }

  @Test
  void everyKindOfAssociationMustLeadIntoTheSet() {
    refused(Author.class.getName(), Book.class);
    refused(Author.class.getName(), Profile.class);
    refused(Book.class.getName(), Shelf.class, Author.class);
    refused(Tag.class.getName(), Catalogue.class);
    refused(Tag.class.getName(), Explicit.class);
  }

  @Test
  void aSetWithItsAssociationsTargetsIsAccepted() {
    EntitySet set = of(Shelf.class, Book.class, Author.class, Catalogue.class, Tag.class);

    assertThat(set.classes())
        .containsExactlyInAnyOrder(
            Shelf.class, Book.class, Author.class, Catalogue.class, Tag.class);
    assertThat(set.contains(Book.class)).isTrue();
    assertThat(set.contains(Profile.class)).isFalse();
    assertThat(set.whereListed()).isEqualTo("@FixtureTest(entities)");
  }

  @Test
  void aSubclassInTheSetCoversAnAssociationToItsSuperclass() {
    assertThat(of(Book.class, SpecialAuthor.class).classes()).hasSize(2);
    refused(SpecialAuthor.class.getName(), ToSubclass.class, Author.class);
  }

  @Test
  void aClassThatIsNotAnEntityAndAnEmptySetAreRefused() {
    assertThatThrownBy(() -> of(EntitySetTest.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "["
                + EntitySetTest.class.getName()
                + "] in the test's entities is not a JPA @Entity; list only classes annotated with"
                + " @jakarta.persistence.Entity");
    assertThatThrownBy(() -> of())
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "no entity classes in the test's entities; list them in @FixtureTest(entities)");
  }

  @Test
  void theSchemaNameDependsOnTheClassesNotOnTheirOrder() {
    EntitySet one = of(Book.class, Author.class);
    EntitySet other = of(Author.class, Book.class);

    assertThat(one.schemaName()).isEqualTo(other.schemaName()).matches("fixturekit_[0-9a-f]{12}");
    assertThat(of(Author.class).schemaName()).isNotEqualTo(one.schemaName());
  }

  @Test
  void theClassesAreSortedByNameAndDescribedBySimpleName() {
    EntitySet set = of(Tag.class, Book.class, Author.class);

    assertThat(set.sorted()).containsExactly(Author.class, Book.class, Tag.class);
    assertThat(set.describe()).isEqualTo("[Author, Book, Tag]");
    assertThat(Set.copyOf(set.sorted())).isEqualTo(set.classes());
  }
}
