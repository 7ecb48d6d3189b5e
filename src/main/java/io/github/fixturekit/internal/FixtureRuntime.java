package io.github.fixturekit.internal;

import io.github.fixturekit.internal.FixtureSettings.DatabaseChoice;
import io.github.fixturekit.internal.database.DatabaseConfig;
import io.github.fixturekit.internal.database.DatabaseMessages;
import io.github.fixturekit.internal.database.ExternalDatabase;
import io.github.fixturekit.internal.database.ServerDatabase;
import io.github.fixturekit.internal.embedded.EmbeddedDatabase;
import io.github.fixturekit.internal.testcontainers.TestcontainersProvider;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private final Duration connectTimeout;
  private final ServerWatch watch;

  /** A runtime on {@code server}; {@link #get} makes the JVM's one. */
  FixtureRuntime(ServerDatabase server, Duration connectTimeout) {
    this.server = server;
    this.connectTimeout = connectTimeout;
    this.watch = new ServerWatch(server);
  }

  /**
   * The JVM's runtime, starting the database on first use. A failure to start is remembered, so
   * every later test fails at once with the same message instead of waiting again.
   */
  @SuppressWarnings(
      "StaticAssignmentOfThrowable") // the failure is the message every later test shows
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
        FixtureRuntime runtime =
            new FixtureRuntime(startDatabase(settings), settings.databaseConfig().connectTimeout());
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
    ServerDatabase server = chooseAndStart(settings.database(), settings.databaseConfig());
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.log(
        Level.INFO,
        "fixturekit: {0} PostgreSQL {1} ready in {2} ms",
        server.provider(),
        server.serverVersion(),
        Long.toString(millis));
    return server;
  }

  /**
   * {@code auto}: external when a URL is configured, else Testcontainers when a Docker engine
   * answers within the probe's bound, else embedded. An explicit choice that cannot be met fails.
   */
  public static ServerDatabase chooseAndStart(DatabaseChoice choice, DatabaseConfig config) {
    return switch (choice) {
      case EXTERNAL -> {
        if (config.jdbcUrl() == null) {
          throw new ExtensionConfigurationException(
              DatabaseMessages.choiceCannotBeMet("external", "fixturekit.jdbc.url is not set"));
        }
        yield ExternalDatabase.create(config, "external");
      }
      case TESTCONTAINERS -> {
        Optional<String> unavailable =
            TestcontainersProvider.unavailable(config.dockerProbeTimeout().multipliedBy(5));
        if (unavailable.isPresent()) {
          throw new ExtensionConfigurationException(
              DatabaseMessages.choiceCannotBeMet("testcontainers", unavailable.get()));
        }
        yield TestcontainersProvider.start(config);
      }
      case EMBEDDED -> EmbeddedDatabase.start(config);
      case AUTO -> {
        if (config.jdbcUrl() != null) {
          yield ExternalDatabase.create(config, "external");
        }
        Optional<String> unavailable =
            TestcontainersProvider.unavailable(config.dockerProbeTimeout());
        if (unavailable.isEmpty()) {
          yield TestcontainersProvider.start(config);
        }
        LOG.log(
            Level.INFO,
            "fixturekit: not using Testcontainers: {0}; starting the embedded PostgreSQL",
            unavailable.get());
        yield EmbeddedDatabase.start(config);
      }
    };
  }

  /** The schema and SessionFactory of {@code entities}, built on first use. */
  EntitySetRuntime entitySet(EntitySet entities) {
    return entitySets
        .computeIfAbsent(
            entities.classes(),
            key ->
                new Memo<>(
                    () -> {
                      EntitySetRuntime runtime =
                          EntitySetRuntime.start(server, entities, connectTimeout);
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

  /** Fails at once when the database stopped answering earlier in the run and still does not. */
  public void requireServer(String test) {
    watch.requireServer(test);
  }

  /**
   * {@code failure} of {@code test}, or what to throw instead when the database stopped answering.
   */
  public RuntimeException explain(RuntimeException failure, String test) {
    return watch.explain(failure, test);
  }

  /** Remembers that the database is gone when {@code failure} of {@code test} shows it. */
  public static void notice(Throwable failure, String test) {
    FixtureRuntime current = instance;
    if (current != null) {
      current.watch.notice(failure, test);
    }
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
