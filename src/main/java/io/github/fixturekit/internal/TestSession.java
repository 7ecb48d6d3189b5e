package io.github.fixturekit.internal;

import io.github.fixturekit.database.Database;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;
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
  private final CommitWatch commits;
  // Owners of @Issued tokens by (owner type, name): shared by the parameters of one test.
  private final Map<List<Object>, Object> namedOwners = new HashMap<>();

  private TestSession(
      EntitySetRuntime entitySet, EntitySet entities, Session session, CommitWatch commits, long seed) {
    this.entitySet = entitySet;
    this.commits = commits;
    this.entities = entities;
    this.session = session;
    this.factories = FactoryRegistry.of(session, new TestRandom(seed));
  }

  /**
   * Opens a session on {@code entities} and begins its transaction; its factories draw every
   * random value from {@code seed}, and {@code userFactories} make their entities wherever
   * fixturekit makes one on its own.
   */
  public static TestSession open(
      FixtureRuntime runtime, EntitySet entities, long seed, List<Class<?>> userFactories) {
    EntitySetRuntime entitySet = runtime.entitySet(entities);
    CommitWatch commits = new CommitWatch();
    Session session = entitySet.sessionFactory().withOptions().eventListeners(commits).openSession();
    try {
      session.beginTransaction();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    TestSession opened = new TestSession(entitySet, entities, session, commits, seed);
    try {
      for (Class<?> factory : userFactories) {
        opened.userFactory(factory);
      }
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
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

  /**
   * The user-defined factory of class {@code factoryClass}, one per test.
   *
   * @throws IllegalArgumentException when fixturekit cannot make it, or its entity is not listed
   */
  public Object userFactory(Class<?> factoryClass) {
    Class<?> entity = UserFactories.entityType(factoryClass);
    if (!entities.contains(entity)) {
      throw new IllegalArgumentException(Messages.userFactoryEntityNotListed(factoryClass, entity, entities));
    }
    return factories.userFactory(factoryClass);
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

  /**
   * Rolls back and closes.
   *
   * @throws IllegalStateException when the test committed the session's transaction: its rows are
   *     in the database for good and would surprise later tests, so the test that did it fails
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (session.isOpen()) {
      try {
        Transaction transaction = session.getTransaction();
        if (transaction.isActive()) {
          transaction.rollback();
        }
      } finally {
        session.close();
      }
    }
    if (commits.committed()) {
      throw new IllegalStateException(Messages.committedInRollbackMode(entities));
    }
  }

  /** Notices a commit of the test's transaction, which rollback isolation cannot undo. */
  private static final class CommitWatch implements SessionEventListener {

    private volatile boolean committed;

    @Override
    public void transactionCompletion(boolean successful) {
      if (successful) {
        committed = true;
      }
    }

    boolean committed() {
      return committed;
    }
  }
}
