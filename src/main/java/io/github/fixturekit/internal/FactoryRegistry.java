package io.github.fixturekit.internal;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.Hibernate;
import org.hibernate.Session;

/**
 * The factories of one session: one {@link EntityFactory} per entity type, so that required parents
 * are made by the parent's own factory. Confined to the thread of the test that owns the session.
 */
public final class FactoryRegistry {

  private final Session session;
  private final Map<Class<?>, EntityFactory<?>> factories = new HashMap<>();
  // The required parents being made right now, outermost first.
  private final Deque<ParentStep> making = new ArrayDeque<>();

  /** Filling {@code field} of an {@code owner} that is being made. */
  record ParentStep(Class<?> owner, Field field) {}

  private FactoryRegistry(Session session) {
    this.session = session;
  }

  /** Factories bound to {@code entityManager} (a Hibernate {@code Session} underneath). */
  public static FactoryRegistry of(EntityManager entityManager) {
    return new FactoryRegistry(entityManager.unwrap(Session.class));
  }

  public Session session() {
    return session;
  }

  /** The factory of {@code type}. */
  @SuppressWarnings("unchecked")
  public <T> EntityFactory<T> factory(Class<T> type) {
    return (EntityFactory<T>)
        factories.computeIfAbsent(type, t -> new EntityFactory<>(this, t));
  }

  /**
   * Runs {@code action} with the factory of the type of {@code parentField}, to fill that field of
   * an {@code owner} being made; refuses a chain of required parents that leads back to a type already
   * being made.
   */
  Object within(Class<?> owner, Field parentField, Function<EntityFactory<?>, Object> action) {
    Class<?> parentType = parentField.getType();
    boolean cycle =
        parentType.isAssignableFrom(owner)
            || making.stream().anyMatch(step -> parentType.isAssignableFrom(step.owner()));
    making.addLast(new ParentStep(owner, parentField));
    try {
      if (cycle) {
        throw new IllegalStateException(Messages.requiredParentCycle(List.copyOf(making)));
      }
      return action.apply(factory(parentType));
    } finally {
      making.removeLast();
    }
  }

  /**
   * An entity this session may reference: the entity itself when the session manages it, else this
   * session's copy of the same row (a detached entity, or one from another session, is never
   * inserted again).
   *
   * @throws IllegalArgumentException when the entity has no row in this session's view of the
   *     database: never persisted, or persisted by a test whose rows were rolled back
   */
  public Object attach(Object entity) {
    if (session.contains(entity)) {
      return entity;
    }
    Object id = session.getSessionFactory().getPersistenceUnitUtil().getIdentifier(entity);
    Object row = id == null ? null : session.find(Hibernate.getClass(entity), id);
    if (row == null) {
      throw new IllegalArgumentException(Messages.transientEntity(entity, id));
    }
    return row;
  }
}
