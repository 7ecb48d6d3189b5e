package io.github.fixturekit.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
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
  private final Deque<Class<?>> making = new ArrayDeque<>();

  private FactoryRegistry(Session session) {
    this.session = session;
  }

  /** Factories bound to {@code entityManager} (a Hibernate {@code Session} underneath). */
  public static FactoryRegistry of(EntityManager entityManager) {
    return new FactoryRegistry(entityManager.unwrap(Session.class));
  }

  Session session() {
    return session;
  }

  /** The factory of {@code type}. */
  @SuppressWarnings("unchecked")
  public <T> EntityFactory<T> factory(Class<T> type) {
    return (EntityFactory<T>)
        factories.computeIfAbsent(type, t -> new EntityFactory<>(this, t));
  }

  /**
   * Runs {@code action} with the factory of {@code parentType}, on behalf of {@code childType};
   * refuses a chain of required parents that leads back to itself.
   */
  <P> P within(Class<?> childType, Class<P> parentType, Function<EntityFactory<P>, P> action) {
    if (making.contains(parentType) || parentType == childType) {
      throw new IllegalStateException(Messages.requiredParentCycle(childType, parentType, making));
    }
    making.push(childType);
    try {
      return action.apply(factory(parentType));
    } finally {
      making.pop();
    }
  }

  /**
   * An entity this session may reference: the entity itself when the session manages it, else a
   * reference by its id (a detached entity or one from another session is never inserted again).
   *
   * @throws IllegalArgumentException when the entity was never persisted
   */
  public Object attach(Object entity) {
    if (session.contains(entity)) {
      return entity;
    }
    Object id =
        session.getSessionFactory().getPersistenceUnitUtil().getIdentifier(entity);
    if (id == null) {
      throw new IllegalArgumentException(Messages.transientEntity(entity));
    }
    return session.getReference(Hibernate.getClass(entity), id);
  }
}
