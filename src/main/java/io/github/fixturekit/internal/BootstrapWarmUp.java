package io.github.fixturekit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.service.UnknownUnwrapTypeException;

/**
 * Builds a throwaway SessionFactory of the first entity set on a thread of its own while the JVM's
 * database starts, without a connection.
 *
 * <p>Most of the first SessionFactory build in a JVM is loading and initialising Hibernate's
 * classes (1.2 to 1.8 s for the first entity set, 60 to 180 ms for each later one): done while the
 * database starts, that time no longer adds to it. The real SessionFactory is built as before, on
 * the real connection, once the database is ready; this one is closed and forgotten. A mapping this
 * build refuses is reported by the real build, so any failure here is dropped.
 */
final class BootstrapWarmUp {

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");

  private BootstrapWarmUp() {}

  /** Starts the warm-up on a daemon thread; returns that thread. */
  static Thread start(EntitySet entities) {
    Thread thread = new Thread(() -> run(entities), "fixturekit-hibernate-warm-up");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Builds and closes a SessionFactory of {@code entities} that never connects; whether it could.
   */
  static boolean run(EntitySet entities) {
    long started = System.nanoTime();
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            // no connection: the dialect comes from these settings, not from the database
            .applySetting(AvailableSettings.CONNECTION_PROVIDER, new NoConnections())
            .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false")
            .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
            .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, "14")
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, "50")
            .applySetting(AvailableSettings.ORDER_INSERTS, "true")
            .build();
    try {
      EntitySetRuntime.metadata(registry, entities).buildSessionFactory().close();
      LOG.log(
          System.Logger.Level.DEBUG,
          "fixturekit: Hibernate warmed up on {0} in {1} ms",
          entities.describe(),
          Long.toString((System.nanoTime() - started) / 1_000_000));
      return true;
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      LOG.log(System.Logger.Level.DEBUG, "fixturekit: the Hibernate warm-up failed", e);
      return false;
    }
  }

  /** The warm-up's connections: there are none, and nothing asks for one. */
  private static final class NoConnections implements ConnectionProvider {
    private static final long serialVersionUID = 1L;

    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("fixturekit's Hibernate warm-up has no connection");
    }

    @Override
    public void closeConnection(Connection connection) {}

    @Override
    public boolean supportsAggressiveRelease() {
      return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
      return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnknownUnwrapTypeException(type);
    }
  }
}
