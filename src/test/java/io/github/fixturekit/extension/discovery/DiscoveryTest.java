package io.github.fixturekit.extension.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureExtension;
import io.github.fixturekit.extension.Scenario;
import io.github.fixturekit.extension.model.ExPerson;
import jakarta.persistence.metamodel.EntityType;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain {@code @ExtendWith(FixtureExtension.class)}: the entity set is every {@code @Entity} of
 * this package and its subpackages, {@link DxShelf} and {@link DxBook}, and nothing else.
 */
@ExtendWith(FixtureExtension.class)
public class DiscoveryTest {

  /** The SessionFactory the last test here was given, for tests that run this class. */
  public static volatile SessionFactory lastSessionFactory;

  static Set<Class<?>> entityTypes(SessionFactory sessionFactory) {
    return sessionFactory.getMetamodel().getEntities().stream()
        .map(EntityType::getJavaType)
        .collect(Collectors.toSet());
  }

  static long count(Session session, String table) {
    return session.createNativeQuery("select count(*) from " + table, Long.class).getSingleResult();
  }

  @Test
  void discoversExactlyTheEntitiesOfThisPackage(SessionFactory sessionFactory) {
    assertThat(entityTypes(sessionFactory)).containsExactlyInAnyOrder(DxShelf.class, DxBook.class);
    lastSessionFactory = sessionFactory;
  }

  @Test
  void factoriesOfDiscoveredEntitiesWork(Factory<DxBook> books, Session session) {
    DxBook book = books.create();
    assertThat(book.getId()).isNotNull();
    assertThat(book.getShelf().getId()).as("the required shelf is created too").isNotNull();
    assertThat(count(session, "dx_books")).isEqualTo(1);
    assertThat(count(session, "dx_shelves")).isEqualTo(1);
  }

  @Nested
  class InANestedClass {

    @Test
    void usesTheSameDiscoveredSet(
        SessionFactory sessionFactory, Factory<DxShelf> shelves, Session session) {
      assertThat(entityTypes(sessionFactory))
          .containsExactlyInAnyOrder(DxShelf.class, DxBook.class);
      assertThat(count(session, "dx_shelves")).isZero();
      shelves.createList(2);
      assertThat(count(session, "dx_shelves")).isEqualTo(2);
    }
  }

  /** A discovered set does not reach entities outside the package. */
  @Scenario
  @ExtendWith(FixtureExtension.class)
  public static class AsksForAnEntityOutsideThePackage {

    @Test
    void takesAFactoryOfAnotherPackage(Factory<ExPerson> people) {}

    @Test
    void takesAFactoryOfThisPackage(Factory<DxShelf> shelves, Session session) {
      shelves.create();
      assertThat(count(session, "dx_shelves")).isEqualTo(1);
    }
  }
}
