package io.github.fixturekit.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** 200 trivial tests without any extension: the baseline of the per-test overhead. */
public class PlainTrivialTests {

  public static final int TESTS = 200;

  @RepeatedTest(TESTS)
  void trivial(RepetitionInfo repetition) {
    assertThat(repetition.getCurrentRepetition()).isPositive();
  }
}
