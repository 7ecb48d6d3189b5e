package io.github.fixturekit.internal;

import io.github.fixturekit.internal.database.DatabaseMessages;
import io.github.fixturekit.internal.database.ExternalDatabase;
import io.github.fixturekit.internal.database.ServerDatabase;
import io.github.fixturekit.internal.embedded.EmbeddedDatabase;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What one JVM shares: the database and one {@link EntitySetRuntime} per distinct entity set.
 *
 * <p>It lives for the JVM rather than in JUnit's root store so that nested launcher runs (the
 * EngineTestKit, an IDE re-running a class) reuse the database and the SessionFactories instead of
 * starting them again; a shutdown hook drops fixturekit's database and stops the embedded server.
 */
public final class FixtureRuntime implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");
  private static final Object LOCK = new Object();
  private static volatile FixtureRuntime instance;
  private static volatile RuntimeException startFailure;

  private final ServerDatabase server;
  private final Map<Set<Class<?>>, Memo<EntitySetRuntime>> entitySets = new ConcurrentHashMap<>();
  private final List<EntitySetRuntime> started = new ArrayList<>();

  private FixtureRuntime(ServerDatabase server) {
    this.server = server;
  }

  /**
   * The JVM's runtime, starting the database on first use. A failure to start is remembered, so
   * every later test fails at once with the same message instead of waiting again.
   */
  public static FixtureRuntime get(FixtureSettings settings) {
    FixtureRuntime current = instance;
    if (current != null) {
      return current;
    }
    synchronized (LOCK) {
      if (instance != null) {
        return instance;
      }
      if (startFailure != null) {
        throw new ExtensionConfigurationException(startFailure.getMessage(), startFailure);
      }
      try {
        FixtureRuntime runtime = new FixtureRuntime(startDatabase(settings));
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "fixturekit-shutdown"));
        instance = runtime;
        return runtime;
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
  }

  private static ServerDatabase startDatabase(FixtureSettings settings) {
    long started = System.nanoTime();
    ServerDatabase server =
        switch (settings.database()) {
          case EXTERNAL -> {
            if (settings.jdbcUrl() == null) {
              throw new ExtensionConfigurationException(
                  "fixturekit.database is [external] but fixturekit.jdbc.url is not set. "
                      + DatabaseMessages.THREE_WAYS
                      + ".");
            }
            yield ExternalDatabase.create(
                settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
          }
          case EMBEDDED -> EmbeddedDatabase.start();
          case AUTO ->
              settings.jdbcUrl() != null
                  ? ExternalDatabase.create(
                      settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword())
                  : EmbeddedDatabase.start();
        };
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.log(
        Level.INFO,
        "fixturekit: {0} PostgreSQL {1} ready in {2} ms",
        server.provider(),
        server.serverVersion(),
        Long.toString(millis));
    return server;
  }

  /** The schema and SessionFactory of {@code entities}, built on first use. */
  EntitySetRuntime entitySet(EntitySet entities) {
    return entitySets
        .computeIfAbsent(
            entities.classes(),
            key ->
                new Memo<>(
                    () -> {
                      EntitySetRuntime runtime = EntitySetRuntime.start(server, entities);
                      synchronized (started) {
                        started.add(runtime);
                      }
                      return runtime;
                    }))
        .get();
  }

  ServerDatabase server() {
    return server;
  }

  @Override
  public void close() {
    try {
      synchronized (started) {
        for (EntitySetRuntime runtime : started) {
          try {
            runtime.close();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "fixturekit could not close a SessionFactory", e);
          }
        }
        started.clear();
      }
    } finally {
      server.close();
    }
  }
}
