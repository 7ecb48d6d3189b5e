package io.github.fixturekit.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.internal.database.ServerDatabase;
import io.github.fixturekit.internal.embedded.EmbeddedDatabase;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The program {@link ChildJvm} runs: prints facts as {@code FIXTUREKIT-FACT key=value} lines. */
public final class ChildMain {

  static final String FACT = "FIXTUREKIT-FACT ";

  private ChildMain() {}

  public static void main(String[] args) throws Exception {
    int code =
        switch (args[0]) {
          case "start" -> start(args[1]);
          case "suite" -> suite(args[1]);
          default -> throw new IllegalArgumentException(args[0]);
        };
    System.out.flush();
    // Shutdown hooks (fixturekit's runtime) run on exit.
    System.exit(code);
  }

  /** Starts what fixturekit.database={@code choice} gives, says what it is, and stops it. */
  private static int start(String choice) {
    FixtureSettings settings = FixtureSettings.read(key -> Optional.empty());
    long started = System.nanoTime();
    try (ServerDatabase server =
        FixtureRuntime.chooseAndStart(
            FixtureSettings.DatabaseChoice.valueOf(choice.toUpperCase()),
            settings.databaseConfig())) {
      fact("millis", Long.toString((System.nanoTime() - started) / 1_000_000));
      long connecting = System.nanoTime();
      try (java.sql.Connection c =
              java.sql.DriverManager.getConnection(
                  server.jdbcUrl(), server.username(), server.password());
          java.sql.ResultSet rs = c.createStatement().executeQuery("select 1")) {
        rs.next();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      fact("first-connection-millis", Long.toString((System.nanoTime() - connecting) / 1_000_000));
      fact("provider", server.provider());
      fact("version", server.serverVersion());
      fact("url", server.jdbcUrl());
      if (server instanceof EmbeddedDatabase embedded) {
        fact("warm", Boolean.toString(embedded.startedFromTemplate()));
      }
      return 0;
    } catch (RuntimeException e) {
      fact("millis", Long.toString((System.nanoTime() - started) / 1_000_000));
      fact("error", e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' '));
      return 2;
    }
  }

  private static int suite(String className) throws ClassNotFoundException {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(Class.forName(className)))
            .configurationParameter("fixturekit.extension-tests.scenario", "true")
            .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener, new TestTimes());
    TestExecutionSummary summary = listener.getSummary();
    fact("tests", Long.toString(summary.getTestsStartedCount()));
    fact("succeeded", Long.toString(summary.getTestsSucceededCount()));
    fact("failed", Long.toString(summary.getTotalFailureCount()));
    summary
        .getFailures()
        .forEach(
            f -> fact("failure", f.getTestIdentifier().getDisplayName() + ": " + f.getException()));
    return summary.getTotalFailureCount() == 0 ? 0 : 1;
  }

  /** Says how each test ended and how long it took: {@code test=name|SUCCESSFUL|millis}. */
  private static final class TestTimes implements TestExecutionListener {
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
      started.put(test.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      Long start = started.remove(test.getUniqueId());
      if (test.isTest() && start != null) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        fact("test", test.getDisplayName() + "|" + result.getStatus() + "|" + millis);
      }
    }
  }

  /** For scenario classes: a fact the parent test reads. */
  public static void fact(String key, String value) {
    System.out.println(FACT + key + "=" + value);
  }
}
