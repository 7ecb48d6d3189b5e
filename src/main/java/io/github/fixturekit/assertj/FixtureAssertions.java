package io.github.fixturekit.assertj;

import io.github.fixturekit.tokens.IssuedToken;

/**
 * AssertJ entry point for fixturekit's types. AssertJ is an optional dependency of fixturekit: add
 * {@code org.assertj:assertj-core} to the test classpath to use this package.
 *
 * <pre>{@code
 * import static io.github.fixturekit.assertj.FixtureAssertions.assertThat;
 *
 * IssuedToken<RefreshToken> successor = tokens.rotate(issued);
 * assertThat(issued).isRevoked();
 * assertThat(successor).isActive().belongsTo(alice).isInSameFamilyAs(issued).hasRawMatchingStoredHash();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FixtureAssertions {

  private FixtureAssertions() {}

  /**
   * Assertions on an issued token, judged with the mapping, hashing and test clock it was issued
   * under.
   *
   * @param actual the token
   * @param <T> the token entity type
   * @return the assertions
   */
  public static <T> IssuedTokenAssert<T> assertThat(IssuedToken<T> actual) {
    return new IssuedTokenAssert<>(actual);
  }
}
