package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.benchmarks.BenchServer;
import io.github.fixturekit.benchmarks.model.RefreshToken;
import io.github.fixturekit.benchmarks.model.User;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/**
 * The fixturekit side of a benchmark: a Hibernate SessionFactory on a database of its own (with the
 * settings fixturekit's own SessionFactory has: inserts in JDBC batches of 50, ordered), and one
 * session whose transaction lasts a measurement iteration and is rolled back after it.
 */
final class HibernateState implements AutoCloseable {

  /**
   * A test's session holds a few entities, not thousands (each flush looks at all of them): it is
   * cleared after this many calls.
   */
  static final int CLEAR_EVERY = 20;

  private final BenchServer.Database database;
  private final SessionFactory sessionFactory;
  private Session session;
  private int calls;

  HibernateState() {
    database = BenchServer.createDatabase();
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_JDBC_URL, database.url())
            .applySetting(AvailableSettings.JAKARTA_JDBC_USER, BenchServer.USER)
            .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, BenchServer.PASSWORD)
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "create")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, "50")
            .applySetting(AvailableSettings.ORDER_INSERTS, "true")
            .build();
    sessionFactory =
        new MetadataSources(registry)
            .addAnnotatedClass(User.class)
            .addAnnotatedClass(RefreshToken.class)
            .buildMetadata()
            .buildSessionFactory();
  }

  Session begin() {
    session = sessionFactory.openSession();
    session.beginTransaction();
    calls = 0;
    return session;
  }

  Session session() {
    return session;
  }

  /** True when the session was cleared before this call (entities made earlier are detached). */
  boolean clearNow() {
    if (++calls % CLEAR_EVERY == 0) {
      session.clear();
      return true;
    }
    return false;
  }

  void rollback() {
    session.getTransaction().rollback();
    session.close();
  }

  @Override
  public void close() {
    sessionFactory.close();
    database.close();
  }
}
