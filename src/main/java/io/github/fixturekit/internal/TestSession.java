package io.github.fixturekit.internal;

import io.github.fixturekit.database.Database;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * One test's session and transaction, and the factories bound to them. Closing rolls the
 * transaction back and closes the session, whatever the test did to them; safe to close twice.
 */
public final class TestSession implements AutoCloseable {

  private final EntitySetRuntime entitySet;
  private final EntitySet entities;
  private final Session session;
  private final FactoryRegistry factories;
  private final AtomicBoolean closed = new AtomicBoolean();
  // Owners of @Issued tokens by (owner type, name): shared by the parameters of one test.
  private final Map<List<Object>, Object> namedOwners = new HashMap<>();

  private TestSession(EntitySetRuntime entitySet, EntitySet entities, Session session) {
    this.entitySet = entitySet;
    this.entities = entities;
    this.session = session;
    this.factories = FactoryRegistry.of(session);
  }

  /** Opens a session on {@code entities} and begins its transaction. */
  public static TestSession open(FixtureRuntime runtime, EntitySet entities) {
    EntitySetRuntime entitySet = runtime.entitySet(entities);
    Session session = entitySet.sessionFactory().openSession();
    try {
      session.beginTransaction();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return new TestSession(entitySet, entities, session);
  }

  public Session session() {
    return session;
  }

  public SessionFactory sessionFactory() {
    return entitySet.sessionFactory();
  }

  public Database database() {
    return entitySet.database();
  }

  public EntitySet entities() {
    return entities;
  }

  public FactoryRegistry factories() {
    return factories;
  }

  /** The owner called {@code name} in this test, made by {@code create} on first use. */
  public Object namedOwner(Class<?> ownerType, String name, Supplier<Object> create) {
    List<Object> key = List.of(ownerType, name);
    Object owner = namedOwners.get(key);
    if (owner == null) {
      owner = create.get();
      namedOwners.put(key, owner);
    }
    return owner;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true) || !session.isOpen()) {
      return;
    }
    try {
      Transaction transaction = session.getTransaction();
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } finally {
      session.close();
    }
  }
}
