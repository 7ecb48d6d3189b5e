package io.github.fixturekit.internal;

import io.github.fixturekit.Isolation;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.internal.batching.Batching;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * One test's session and transaction, and the factories bound to them. Closing rolls the
 * transaction back and closes the session, whatever the test did to them; safe to close twice.
 *
 * <p>In {@link Isolation#TRUNCATE} every factory call commits, and closing empties every table of
 * the entity set. In {@link Isolation#ROLLBACK} closing looks for rows committed outside the test's
 * transaction, in the round trip of the rollback ({@link LeakCheck}).
 */
public final class TestSession implements AutoCloseable {

  private static final long LOCK_TIMEOUT_SECONDS = 120;

  /** PostgreSQL's lock_not_available: a lock_timeout ran out. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final EntitySetRuntime entitySet;
  private final EntitySet entities;
  private final Session session;
  private final FactoryRegistry factories;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CommitWatch commits;
  private final Isolation isolation;
  private final FixtureSettings.Leaks leaks;
  private final String test;
  private long stamp;
  // in rollback mode: this test's place among the entity set's tests, for leak detection
  private LeakCheck.Watch watch;
  // Owners of @Issued tokens by (owner type, name): shared by the parameters of one test.
  private final Map<List<Object>, Object> namedOwners = new HashMap<>();

  private TestSession(
      EntitySetRuntime entitySet,
      EntitySet entities,
      Session session,
      CommitWatch commits,
      long seed,
      Isolation isolation,
      FixtureSettings.Leaks leaks,
      String test,
      long stamp) {
    this.isolation = isolation;
    this.leaks = leaks;
    this.test = test;
    this.stamp = stamp;
    this.entitySet = entitySet;
    this.commits = commits;
    this.entities = entities;
    this.session = session;
    this.factories = FactoryRegistry.of(session, new TestRandom(seed));
    this.factories.injected();
  }

  /**
   * Opens a session on {@code entities} and begins its transaction; its factories draw every random
   * value from {@code seed}, and {@code userFactories} make their entities wherever fixturekit
   * makes one on its own.
   */
  public static TestSession open(
      FixtureRuntime runtime, EntitySet entities, long seed, List<Class<?>> userFactories) {
    return open(
        runtime,
        entities,
        seed,
        userFactories,
        Isolation.ROLLBACK,
        FixtureSettings.Leaks.OFF,
        "a test");
  }

  /**
   * Opens a session on {@code entities} in {@code isolation}, waiting until no other test of the
   * entity set runs when that is commit mode; {@code test} names the test in messages.
   */
  public static TestSession open(
      FixtureRuntime runtime,
      EntitySet entities,
      long seed,
      List<Class<?>> userFactories,
      Isolation isolation,
      FixtureSettings.Leaks leaks,
      String test) {
    EntitySetRuntime entitySet = runtime.entitySet(entities);
    EntitySetTables tables = entitySet.tables();
    long stamp =
        isolation == Isolation.TRUNCATE
            ? tables.exclusive(LOCK_TIMEOUT_SECONDS)
            : tables.shared(LOCK_TIMEOUT_SECONDS);
    if (stamp == 0) {
      throw new IllegalStateException(
          Messages.isolationLockTimeout(test, isolation, LOCK_TIMEOUT_SECONDS));
    }
    CommitWatch commits = new CommitWatch();
    Session session;
    try {
      session = entitySet.sessionFactory().withOptions().eventListeners(commits).openSession();
    } catch (RuntimeException e) {
      tables.release(stamp);
      throw e;
    }
    TestSession opened =
        new TestSession(entitySet, entities, session, commits, seed, isolation, leaks, test, stamp);
    try {
      session.beginTransaction();
      if (isolation == Isolation.TRUNCATE) {
        opened.factories.commitEachWrite();
      } else {
        // every rollback-mode test enters, watched or not, so the others know they overlapped it
        opened.watch = entitySet.leaks().enter();
      }
      for (Class<?> factory : userFactories) {
        opened.userFactory(factory);
      }
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  public Isolation isolation() {
    return isolation;
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
      throw new IllegalArgumentException(
          Messages.userFactoryEntityNotListed(factoryClass, entity, entities));
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
   * Rolls back and closes; then, in commit mode, empties the entity set's tables, and in rollback
   * mode looks for leaked rows.
   *
   * @throws IllegalStateException when, in rollback mode, the test committed the session's
   *     transaction, or code under test left committed rows behind and {@code fixturekit.leaks} is
   *     {@code fail}; or when the tables could not be emptied
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    EntitySetTables tables = entitySet.tables();
    RuntimeException connectionLost = null;
    try {
      boolean mayHaveLeaked = true;
      if (session.isOpen()) {
        try {
          Transaction transaction = session.getTransaction();
          if (transaction.isActive()) {
            if (watched() && !commits.committed()) {
              // on the test's own connection, in the round trip of the rollback: no extra one
              mayHaveLeaked =
                  session.doReturningWork(c -> entitySet.leaks().rollBackAndCheck(watch, c));
            }
            // after the check the connection is outside any transaction: this sends nothing
            transaction.rollback();
          }
        } catch (RuntimeException e) {
          if (ServerWatch.isConnectionLoss(e)) {
            // the connection broke: nothing can be asked of the tables, the server may be gone
            connectionLost = e;
          }
          mayHaveLeaked = true; // a broken transaction cannot answer; look into the tables
          Transaction transaction = session.getTransaction();
          if (transaction.isActive()) {
            transaction.rollback();
          }
        } finally {
          session.close();
        }
      }
      if (connectionLost != null) {
        throw connectionLost;
      }
      if (isolation == Isolation.TRUNCATE) {
        factories.stopCommitting();
        emptyTables(tables);
        return;
      }
      Map<String, Long> leaked = watched() && mayHaveLeaked ? removeLeakedRows(tables) : Map.of();
      boolean alone = leave();
      if (commits.committed()) {
        throw new IllegalStateException(Messages.committedInRollbackMode(entities));
      }
      if (!leaked.isEmpty()) {
        String report = Messages.leakedRows(test, leaked, alone);
        if (leaks == FixtureSettings.Leaks.FAIL && alone) {
          throw new IllegalStateException(report);
        }
        System.err.println("fixturekit: " + report);
      }
    } finally {
      leave();
      if (stamp != 0) {
        tables.release(stamp);
        stamp = 0;
      }
    }
  }

  private boolean watched() {
    return watch != null && leaks != FixtureSettings.Leaks.OFF;
  }

  /** Ends this test's watch, once; whether no other test of the entity set ran during it. */
  private boolean leave() {
    if (watch == null) {
      return true;
    }
    boolean alone = entitySet.leaks().leave(watch);
    watch = null;
    return alone;
  }

  private void emptyTables(EntitySetTables tables) {
    try {
      truncate(tables);
    } catch (SQLException e) {
      throw new IllegalStateException(Messages.cleanupFailed(test, e.getMessage()), e);
    }
  }

  /**
   * Empties the tables. When {@code TRUNCATE} gave up waiting for a lock that a connection of
   * fixturekit's own pool holds (one the test took and left open inside a transaction), ends that
   * connection and empties the tables still, so the next tests start clean, and fails this test for
   * it.
   */
  private void truncate(EntitySetTables tables) throws SQLException {
    DataSource dataSource = entitySet.database().dataSource();
    try {
      tables.truncate(dataSource);
    } catch (SQLException e) {
      int ended =
          LOCK_NOT_AVAILABLE.equals(e.getSQLState()) ? tables.endLockHolders(dataSource) : 0;
      if (ended == 0) {
        throw e;
      }
      tables.truncate(dataSource);
      forgetIds();
      throw new IllegalStateException(Messages.lockHoldersEnded(test, ended), e);
    }
    forgetIds();
  }

  private void forgetIds() {
    if (HibernateVersion.batchesInserts()) {
      Batching.forgetIds(entitySet.sessionFactory());
    }
  }

  /** The tables with rows committed during the test and how many, removed; empty when none. */
  private Map<String, Long> removeLeakedRows(EntitySetTables tables) {
    Map<String, Long> rows;
    try {
      rows = tables.committedRows(entitySet.database().dataSource());
      if (rows.isEmpty()) {
        return rows;
      }
      // other tests of the entity set may hold rows of their own: wait for them, then empty all
      tables.release(stamp);
      stamp = 0;
      stamp = tables.exclusive(LOCK_TIMEOUT_SECONDS);
      if (stamp == 0) {
        throw new IllegalStateException(
            Messages.isolationLockTimeout(test, Isolation.TRUNCATE, LOCK_TIMEOUT_SECONDS));
      }
      truncate(tables);
    } catch (SQLException e) {
      throw new IllegalStateException(Messages.cleanupFailed(test, e.getMessage()), e);
    }
    return rows;
  }

  /** Notices a commit of the test's transaction, which rollback isolation cannot undo. */
  private static final class CommitWatch implements SessionEventListener {
    private static final long serialVersionUID = 1L;

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
