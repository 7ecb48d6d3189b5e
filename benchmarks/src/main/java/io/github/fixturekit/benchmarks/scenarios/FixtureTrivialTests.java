package io.github.fixturekit.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.benchmarks.model.RefreshToken;
import io.github.fixturekit.benchmarks.model.User;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** The same 200 trivial tests as {@link PlainTrivialTests}, with {@code @FixtureTest}. */
@FixtureTest(entities = {User.class, RefreshToken.class})
public class FixtureTrivialTests {

  @RepeatedTest(PlainTrivialTests.TESTS)
  void trivial(RepetitionInfo repetition) {
    assertThat(repetition.getCurrentRepetition()).isPositive();
  }
}
