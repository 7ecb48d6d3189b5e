package io.github.fixturekit.internal;

import io.github.fixturekit.database.Database;
import io.github.fixturekit.Isolation;
import io.github.fixturekit.internal.batching.Batching;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 *
 * <p>In {@link Isolation#TRUNCATE} every factory call commits, and closing empties every table of
 * the entity set. In {@link Isolation#ROLLBACK} closing looks for rows committed outside the test's
 * transaction, but only when the cheap signal says another transaction wrote anything at all:
 * before it rolls back, the test's own connection asks PostgreSQL for the next transaction id it will
 * hand out; if no id went to another transaction since the previous test of the entity set asked
 * (or, for the first one, since the test began), nothing else wrote anywhere in the server.
 */
public final class TestSession implements AutoCloseable {

  private static final long LOCK_TIMEOUT_SECONDS = 120;

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
  // in rollback mode with leak detection on: the next transaction id when the test began, else -1
  private long nextIdAtStart = -1;
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
  }

  /**
   * Opens a session on {@code entities} and begins its transaction; its factories draw every
   * random value from {@code seed}, and {@code userFactories} make their entities wherever
   * fixturekit makes one on its own.
   */
  public static TestSession open(
      FixtureRuntime runtime, EntitySet entities, long seed, List<Class<?>> userFactories) {
    return open(
        runtime, entities, seed, userFactories, Isolation.ROLLBACK, FixtureSettings.Leaks.OFF, "a test");
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
        isolation == Isolation.TRUNCATE ? tables.exclusive(LOCK_TIMEOUT_SECONDS) : tables.shared(LOCK_TIMEOUT_SECONDS);
    if (stamp == 0) {
      throw new IllegalStateException(Messages.isolationLockTimeout(test, isolation, LOCK_TIMEOUT_SECONDS));
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
      } else if (leaks != FixtureSettings.Leaks.OFF) {
        // the next id as an earlier test of the entity set saw it at its end: ids handed out since
        // then only make the check look into the tables; the first test of the entity set asks
        long seen = tables.nextIdSeen();
        opened.nextIdAtStart =
            seen >= 0 ? seen : session.doReturningWork(TestSession::nextTransactionId);
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

  /** Transaction ids handed out since {@code nextIdAtStart} by others than this transaction. */
  private long idsOfOthers(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT txid_snapshot_xmax(txid_current_snapshot()), txid_current_if_assigned()")) {
      result.next();
      long next = result.getLong(1);
      entitySet.tables().sawNextId(next);
      long handedOut = next - nextIdAtStart;
      long own = result.getLong(2);
      boolean ownIsNew = !result.wasNull() && own >= nextIdAtStart;
      return handedOut - (ownIsNew ? 1 : 0);
    }
  }

  private static long nextTransactionId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT txid_snapshot_xmax(txid_current_snapshot())")) {
      result.next();
      return result.getLong(1);
    }
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
    try {
      boolean othersWrote = true;
      if (session.isOpen()) {
        try {
          Transaction transaction = session.getTransaction();
          if (transaction.isActive()) {
            if (nextIdAtStart >= 0 && !commits.committed()) {
              // asked on the test's own connection before it rolls back: no extra connection
              othersWrote = session.doReturningWork(this::idsOfOthers) > 0;
            }
            transaction.rollback();
          }
        } catch (RuntimeException e) {
          othersWrote = true; // a broken transaction cannot answer; look into the tables
          Transaction transaction = session.getTransaction();
          if (transaction.isActive()) {
            transaction.rollback();
          }
        } finally {
          session.close();
        }
      }
      if (isolation == Isolation.TRUNCATE) {
        factories.stopCommitting();
        emptyTables(tables);
        return;
      }
      String leaked = nextIdAtStart < 0 || !othersWrote ? null : leakedRows(tables);
      if (commits.committed()) {
        throw new IllegalStateException(Messages.committedInRollbackMode(entities));
      }
      if (leaked != null) {
        if (leaks == FixtureSettings.Leaks.FAIL) {
          throw new IllegalStateException(leaked);
        }
        System.err.println("fixturekit: " + leaked);
      }
    } finally {
      if (stamp != 0) {
        tables.release(stamp);
        stamp = 0;
      }
    }
  }

  private void emptyTables(EntitySetTables tables) {
    try {
      tables.truncate(entitySet.database().dataSource());
      if (HibernateVersion.batchesInserts()) {
        Batching.forgetIds(entitySet.sessionFactory());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(Messages.cleanupFailed(test, e.getMessage()), e);
    }
  }

  /** The leak report when rows were committed during the test (and removed), else null. */
  private String leakedRows(EntitySetTables tables) {
    Map<String, Long> rows;
    try {
      rows = tables.committedRows(entitySet.database().dataSource());
      if (rows.isEmpty()) {
        return null;
      }
      // other tests of the entity set may hold rows of their own: wait for them, then empty all
      tables.release(stamp);
      stamp = 0;
      stamp = tables.exclusive(LOCK_TIMEOUT_SECONDS);
      if (stamp == 0) {
        throw new IllegalStateException(
            Messages.isolationLockTimeout(test, Isolation.TRUNCATE, LOCK_TIMEOUT_SECONDS));
      }
      tables.truncate(entitySet.database().dataSource());
      if (HibernateVersion.batchesInserts()) {
        Batching.forgetIds(entitySet.sessionFactory());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(Messages.cleanupFailed(test, e.getMessage()), e);
    }
    return Messages.leakedRows(test, rows, true);
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
