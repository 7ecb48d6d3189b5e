package io.github.fixturekit;

import io.github.fixturekit.internal.FactoryRegistry;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes entities of one type filled with random, valid data, either in memory ({@code build}) or
 * persisted in the test's session ({@code create}).
 *
 * <pre>{@code
 * @Test
 * void findsByEmail(Factory<User> users, Session session) {
 *     User alice = users.create(u -> u.setEmail("alice@example.org"));
 *     List<User> three = users.createList(3);
 * }
 * }</pre>
 *
 * <p>Generated ids, versions and database-generated columns are left to Hibernate and the database;
 * unique columns get values that cannot collide within the run; a required {@code @ManyToOne}
 * parent is created through the parent's own factory unless the customizer sets one.
 *
 * @param <T> the entity type
 * @since 0.1.0
 */
public interface Factory<T> {

  /**
   * Builds an entity in memory, without touching the database. Required parents are built in memory
   * too.
   *
   * @return a new, transient entity
   */
  T build();

  /**
   * Builds an entity in memory and lets {@code customizer} change it.
   *
   * @param customizer sets the fields the test cares about
   * @return a new, transient entity
   */
  T build(Consumer<? super T> customizer);

  /**
   * Builds, persists and flushes an entity in the test's session; refreshes it when the database
   * generates values.
   *
   * @return the managed entity
   */
  T create();

  /**
   * Builds an entity, lets {@code customizer} change it, then persists and flushes it.
   *
   * @param customizer sets the fields the test cares about, before the insert
   * @return the managed entity
   */
  T create(Consumer<? super T> customizer);

  /**
   * Creates {@code count} entities with one flush.
   *
   * @param count how many, zero or more
   * @return the managed entities, in insertion order
   */
  List<T> createList(int count);

  /**
   * Creates {@code count} entities with one flush, each changed by {@code customizer} before the
   * insert.
   *
   * <pre>{@code
   * List<OrderLine> lines = orderLines.createList(3, l -> l.setOrder(order));
   * }</pre>
   *
   * @param count how many, zero or more
   * @param customizer sets the fields the test cares about, on each entity
   * @return the managed entities, in insertion order
   */
  List<T> createList(int count, Consumer<? super T> customizer);

  /**
   * A factory of {@code type} bound to an EntityManager that fixturekit did not make: Spring's
   * shared EntityManager in a {@code @Transactional} test, or one from your own persistence unit.
   * Entities are persisted in that EntityManager's current session and transaction, so they are
   * rolled back (or committed) with it; fixturekit opens, commits and rolls back nothing.
   *
   * <pre>{@code
   * @SpringBootTest
   * @Transactional
   * class UserServiceTest {
   *     @Autowired EntityManager entityManager;
   *
   *     @Test
   *     void findsByEmail() {
   *         Factory<User> users = Factory.of(entityManager, User.class);
   *         User alice = users.create(u -> u.setEmail("alice@example.org"));
   *     }
   * }
   * }</pre>
   *
   * <p>Make the factory inside the transaction (in the test method or a {@code @BeforeEach}): it
   * stays bound to the session that is current when it is made. Factories made by separate calls do
   * not share one another's required parents; each makes its own.
   *
   * @param entityManager an open EntityManager backed by Hibernate, with an active transaction when
   *     entities are created
   * @param type an entity class of that EntityManager's persistence unit
   * @param <T> the entity type
   * @return a factory for {@code type}
   * @throws IllegalArgumentException when {@code type} is not an entity of {@code entityManager}
   * @since 0.1.0
   */
  static <T> Factory<T> of(EntityManager entityManager, Class<T> type) {
    Objects.requireNonNull(entityManager, "entityManager");
    Objects.requireNonNull(type, "type");
    return FactoryRegistry.standalone(entityManager, type);
  }
}
