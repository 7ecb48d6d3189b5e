package io.github.fixturekit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.FixtureSeed;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.shop.Label;
import io.github.fixturekit.factory.shop.OrderLine;
import io.github.fixturekit.factory.shop.Product;
import io.github.fixturekit.factory.shop.ShopCategory;
import io.github.fixturekit.factory.shop.ShopOrder;
import io.github.fixturekit.factory.shop.ShopUser;
import io.github.fixturekit.factory.shop.enhanced.Review;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.instancio.junit.Seed;
import org.junit.jupiter.api.MethodOrderer.MethodName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Events;

/** One seed per test: printed when the test fails, pinned by annotation or configuration. */
class SeedTest {

  /** What a test's random data looked like, without the run-wide sequence numbers. */
  static String fingerprint(List<ShopUser> users, List<ShopOrder> orders) {
    StringBuilder out = new StringBuilder();
    for (ShopUser u : users) {
      out.append(u.getFirstName())
          .append('|')
          .append(u.getLastName())
          .append('|')
          .append(u.getAge())
          .append('|')
          .append(u.getRole())
          .append('|')
          .append(u.getHome().getStreet())
          .append('|')
          .append(u.getBio())
          .append('|')
          .append(u.getTags())
          .append('|')
          .append(u.getEmail().replaceAll("\\d+@", "@"))
          .append('\n');
    }
    for (ShopOrder o : orders) {
      out.append(o.getStatus())
          .append('|')
          .append(o.getTotal())
          .append('|')
          .append(o.getPlacedAt())
          .append('|')
          .append(o.getCustomer().getFirstName())
          .append('\n');
    }
    return out.toString();
  }

  static void capture(String key, Factory<ShopUser> users, Factory<ShopOrder> orders) {
    Scenarios.captured(key).add(fingerprint(users.createList(5), orders.createList(3)));
  }

  @Nested
  class FailedTest {

    @Test
    void printsAndReportsItsSeedAndThatSeedMakesTheSameData() {
      Scenarios.CAPTURED.remove("failing");
      PrintStream err = System.err;
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      EngineExecutionResults results;
      System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        results = Scenarios.execute(MakesDataThenFails.class);
      } finally {
        System.setErr(err);
      }

      Events tests = results.testEvents();
      assertThat(tests.failed().count()).isEqualTo(1);
      List<ReportEntry> entries =
          tests.reportingEntryPublished().stream()
              .map(e -> e.getRequiredPayload(ReportEntry.class))
              .filter(r -> r.getKeyValuePairs().containsKey("fixturekit.seed"))
              .toList();
      assertThat(entries).hasSize(1);
      String seed = entries.get(0).getKeyValuePairs().get("fixturekit.seed");
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("makesDataThenFails")
          .contains("seed " + seed)
          .contains("@FixtureSeed(" + seed + "L)");

      Scenarios.execute(MakesDataThenFails.class, Map.of(FixtureProperties.SEED, seed));

      List<Object> captured = Scenarios.captured("failing");
      assertThat(captured).hasSize(2);
      assertThat(captured.get(1)).isEqualTo(captured.get(0));
    }

    @Test
    void aPassingTestPrintsNothing() {
      Events tests = Scenarios.assertAllPassed(Pinned.class, 4);

      assertThat(tests.reportingEntryPublished().count()).isZero();
    }
  }

  @Nested
  class PinnedSeeds {

    @Test
    void theSamePinnedSeedGivesTheSameRowsAndOthersDiffer() {
      Scenarios.CAPTURED.remove("pinned");
      Scenarios.assertAllPassed(Pinned.class, 4);

      List<Object> captured = Scenarios.captured("pinned");
      assertThat(captured).hasSize(4);
      assertThat(captured.get(0)).as("@FixtureSeed(42) twice").isEqualTo(captured.get(1));
      assertThat(captured.get(2)).as("instancio's @Seed(42)").isEqualTo(captured.get(0));
      assertThat(captured.get(3)).as("a fresh seed").isNotEqualTo(captured.get(0));
    }

    @Test
    void aClassSeedAppliesToEveryTestOfTheClass() {
      Scenarios.CAPTURED.remove("class");
      Scenarios.assertAllPassed(ClassPinned.class, 2);

      List<Object> captured = Scenarios.captured("class");
      assertThat(captured).hasSize(2);
      assertThat(captured.get(0)).isEqualTo(captured.get(1));
    }

    @Test
    void aSeedThatIsNotANumberIsAConfigurationErrorOfTheTestsItApplyTo() {
      Events tests = Scenarios.run(Pinned.class, Map.of(FixtureProperties.SEED, "forty-two"));

      assertThat(Scenarios.failedNames(tests))
          .as("only the test without a seed of its own")
          .hasSize(1)
          .allSatisfy(name -> assertThat(name).startsWith("d("));
      assertThat(Scenarios.onlyFailure(tests))
          .hasMessageContaining("forty-two")
          .hasMessageContaining(FixtureProperties.SEED);
    }
  }

  @Scenario
  @FixtureTest(
      entities = {
        ShopUser.class,
        ShopOrder.class,
        OrderLine.class,
        Product.class,
        ShopCategory.class,
        Label.class,
        Review.class
      })
  static class MakesDataThenFails {
    @Test
    void makesDataThenFails(Factory<ShopUser> users, Factory<ShopOrder> orders) {
      capture("failing", users, orders);
      throw new AssertionError("the test's own failure");
    }
  }

  @Scenario
  @TestMethodOrder(MethodName.class)
  @FixtureTest(
      entities = {
        ShopUser.class,
        ShopOrder.class,
        OrderLine.class,
        Product.class,
        ShopCategory.class,
        Label.class,
        Review.class
      })
  static class Pinned {
    @Test
    @FixtureSeed(42)
    void a(Factory<ShopUser> users, Factory<ShopOrder> orders) {
      capture("pinned", users, orders);
    }

    @Test
    @FixtureSeed(42)
    void b(Factory<ShopUser> users, Factory<ShopOrder> orders) {
      capture("pinned", users, orders);
    }

    @Test
    @Seed(42)
    void c(Factory<ShopUser> users, Factory<ShopOrder> orders) {
      capture("pinned", users, orders);
    }

    @Test
    void d(Factory<ShopUser> users, Factory<ShopOrder> orders) {
      capture("pinned", users, orders);
    }
  }

  @Scenario
  @FixtureSeed(7)
  @FixtureTest(
      entities = {
        ShopUser.class,
        ShopOrder.class,
        OrderLine.class,
        Product.class,
        ShopCategory.class,
        Label.class,
        Review.class
      })
  static class ClassPinned {
    @Test
    void one(Factory<ShopUser> users, Factory<ShopOrder> orders) {
      capture("class", users, orders);
    }

    @Test
    void two(Factory<ShopUser> users, Factory<ShopOrder> orders) {
      capture("class", users, orders);
    }
  }
}
