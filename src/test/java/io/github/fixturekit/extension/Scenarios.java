package io.github.fixturekit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import jakarta.persistence.metamodel.EntityType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs scenario classes (static nested classes of the test classes, marked {@link Scenario}) on the
 * Jupiter engine, the way a user's build would, and reads what the user sees.
 */
final class Scenarios {

  /** Values scenario classes hand back to the test that ran them (sessions, factories...). */
  static final Map<String, Object> CAPTURED = new ConcurrentHashMap<>();

  private Scenarios() {}

  static EngineExecutionResults execute(Class<?> scenario) {
    return execute(scenario, Map.of());
  }

  static EngineExecutionResults execute(Class<?> scenario, Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(parameters)
        .configurationParameter(Scenario.PARAMETER, "true")
        .selectors(selectClass(scenario))
        .execute();
  }

  /** The test events of one run of {@code scenario}. */
  static Events run(Class<?> scenario) {
    return execute(scenario).testEvents();
  }

  static Events run(Class<?> scenario, Map<String, String> parameters) {
    return execute(scenario, parameters).testEvents();
  }

  /** Runs {@code scenario} and asserts that exactly {@code tests} tests ran and all passed. */
  static Events assertAllPassed(Class<?> scenario, long tests) {
    return assertAllPassed(run(scenario), tests);
  }

  static Events assertAllPassed(Events events, long tests) {
    assertThat(failures(events))
        .as("failures of the scenario:%n%s", describeFailures(events))
        .isEmpty();
    assertThat(events.started().count()).as("tests started").isEqualTo(tests);
    assertThat(events.succeeded().count()).as("tests succeeded").isEqualTo(tests);
    assertThat(events.skipped().count()).as("tests skipped").isZero();
    return events;
  }

  /** What each failed event threw. */
  static List<Throwable> failures(Events events) {
    return events.failed().stream()
        .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow())
        .map(r -> r.getThrowable().orElseThrow())
        .collect(Collectors.toList());
  }

  /** The name of each failed test, as {@code method()} in the order they ran. */
  static List<String> failedNames(Events events) {
    return events.failed().stream()
        .map(Event::getTestDescriptor)
        .map(d -> d.getDisplayName())
        .collect(Collectors.toList());
  }

  /** Asserts that exactly one event failed and returns what it threw. */
  static Throwable onlyFailure(Events events) {
    List<Throwable> failures = failures(events);
    assertThat(failures).as("failures:%n%s", describeFailures(events)).hasSize(1);
    return failures.get(0);
  }

  static String describeFailures(Events events) {
    StringBuilder out = new StringBuilder();
    events.failed().stream()
        .forEach(
            e -> {
              out.append("- ").append(e.getTestDescriptor().getDisplayName()).append(": ");
              e.getPayload(TestExecutionResult.class)
                  .flatMap(TestExecutionResult::getThrowable)
                  .ifPresent(t -> out.append(stackTrace(t)));
              out.append(System.lineSeparator());
            });
    return out.toString();
  }

  static String stackTrace(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** A list under {@code key} in {@link #CAPTURED}, created on first use. */
  @SuppressWarnings("unchecked")
  static List<Object> captured(String key) {
    return (List<Object>) CAPTURED.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
  }

  /** The entity classes {@code sessionFactory} maps. */
  static Set<Class<?>> entityTypes(SessionFactory sessionFactory) {
    return sessionFactory.getMetamodel().getEntities().stream()
        .map(EntityType::getJavaType)
        .collect(Collectors.toSet());
  }

  /** Rows in {@code table}, as the test's own session sees them. */
  static long count(Session session, String table) {
    return session.createNativeQuery("select count(*) from " + table, Long.class).getSingleResult();
  }
}
