package io.github.fixturekit.extension;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a scenario class: a user's test class, run by a test through {@link Scenarios} on the
 * Jupiter engine. A build that selects it directly (a {@code -Dtest=...extension.**} pattern also
 * matches nested classes) skips it, since many scenarios fail on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Scenario.OnlyWhenRunByATest.class)
public @interface Scenario {

  /** The configuration parameter {@link Scenarios} sets on the runs it starts. */
  String PARAMETER = "fixturekit.extension-tests.scenario";

  /** Enables a scenario only inside a run that {@link Scenarios} started. */
  final class OnlyWhenRunByATest implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
          ? ConditionEvaluationResult.enabled("run by a test as a scenario")
          : ConditionEvaluationResult.disabled("a scenario, run by the test that encloses it");
    }
  }
}
