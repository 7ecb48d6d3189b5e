package io.github.fixturekit.extension.empty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.FixtureExtension;
import io.github.fixturekit.extension.Scenario;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Discovery that finds nothing says where it looked and how to name the entities. This package
 * holds no entity on purpose.
 */
class NoEntitiesDiscoveredTest {

  @Scenario
  @ExtendWith(FixtureExtension.class)
  static class NothingToDiscover {
    @Test
    void needsASession(Session session) {
      assertThat(session.isOpen()).isTrue();
    }
  }

  @Test
  void saysWhereItLookedAndHowToListTheEntities() {
    List<Throwable> failures =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(Scenario.PARAMETER, "true")
            .selectors(selectClass(NothingToDiscover.class))
            .execute()
            .testEvents()
            .failed()
            .stream()
            .map(
                e ->
                    e.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
            .toList();

    assertThat(failures).hasSize(1);
    assertThat(failures.get(0))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining(
            "found no entity classes for [" + NothingToDiscover.class.getName() + "]")
        .hasMessageContaining(
            "package [io.github.fixturekit.extension.empty] and its subpackages hold no @Entity class")
        .hasMessageContaining("@FixtureTest(entities =")
        .hasMessageContaining("fixturekit.entities");
  }
}
