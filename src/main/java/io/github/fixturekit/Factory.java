package io.github.fixturekit;

import java.util.List;
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
 * <p>Generated ids, versions and database-generated columns are left to Hibernate and the
 * database; unique columns get values that cannot collide within the run; a required
 * {@code @ManyToOne} parent is created through the parent's own factory unless the customizer sets
 * one.
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
}
