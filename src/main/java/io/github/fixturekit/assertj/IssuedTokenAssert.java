package io.github.fixturekit.assertj;

import io.github.fixturekit.internal.Messages;
import io.github.fixturekit.internal.tokens.TokenView;
import io.github.fixturekit.internal.tokens.TokenViews;
import io.github.fixturekit.tokens.IssuedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link IssuedToken}. States are read from the token entity as it is in memory
 * (refresh it first if code under test changed the row with SQL) and judged on the test clock the
 * token was issued with. Failure messages show what was expected and what was found, and never the
 * raw token.
 *
 * <pre>{@code
 * assertThat(issued).isActive().belongsTo(alice).hasRawMatchingStoredHash();
 * clock.advance(Duration.ofDays(8));
 * assertThat(issued).isExpired();
 * }</pre>
 *
 * @param <T> the token entity type
 * @since 0.1.0
 */
public final class IssuedTokenAssert<T>
    extends AbstractAssert<IssuedTokenAssert<T>, IssuedToken<T>> {

  IssuedTokenAssert(IssuedToken<T> actual) {
    super(actual, IssuedTokenAssert.class);
  }

  /**
   * Verifies that the token can be used now: not revoked, and its expiry after "now".
   *
   * @return this assertion
   */
  public IssuedTokenAssert<T> isActive() {
    TokenView view = view();
    Object entity = actual.entity();
    Instant now = view.now();
    Instant expiresAt = view.expiresAt(entity);
    if (view.isRevoked(entity)) {
      failWithMessage(
          "%nExpecting token%n  %s%nto be active at %s (not revoked, expiring after now)%nbut it is revoked (%s)",
          actual, now, view.describe("revoked"));
    }
    if (!now.isBefore(expiresAt)) {
      failWithMessage(
          "%nExpecting token%n  %s%nto be active at %s (expiring after now)%nbut it expired at %s (%s ago)",
          actual, now, expiresAt, Duration.between(expiresAt, now));
    }
    return this;
  }

  /**
   * Verifies that the token has expired: its expiry is now or earlier.
   *
   * @return this assertion
   */
  public IssuedTokenAssert<T> isExpired() {
    TokenView view = view();
    Instant now = view.now();
    Instant expiresAt = view.expiresAt(actual.entity());
    if (now.isBefore(expiresAt)) {
      failWithMessage(
          "%nExpecting token%n  %s%nto be expired at %s (expiry at or before now)%nbut it expires at %s (in %s)",
          actual, now, expiresAt, Duration.between(now, expiresAt));
    }
    return this;
  }

  /**
   * Verifies that the token is revoked: its flag set, or its revocation time present.
   *
   * @return this assertion
   */
  public IssuedTokenAssert<T> isRevoked() {
    TokenView view = view();
    if (!view.isRevoked(actual.entity())) {
      failWithMessage(
          "%nExpecting token%n  %s%nto be revoked%nbut %s says it is not",
          actual, view.describe("revoked"));
    }
    return this;
  }

  /**
   * Verifies that hashing the raw token gives the stored hash, with the mapping's hashing.
   *
   * @return this assertion
   */
  public IssuedTokenAssert<T> hasRawMatchingStoredHash() {
    TokenView view = view();
    String expected = view.hash(actual.raw());
    String stored = view.storedHash(actual.entity());
    if (!Objects.equals(expected, stored)) {
      failWithActualExpectedAndMessage(
          stored,
          expected,
          "%nExpecting %s of token%n  %s%nto be the hash of its raw value:%n  %s%nbut was:%n  %s",
          view.describe("hash"),
          actual,
          expected,
          stored);
    }
    return this;
  }

  /**
   * Verifies that the token belongs to {@code owner}, compared by id.
   *
   * @param owner the expected owner entity, or its id for an id-column owner
   * @return this assertion
   */
  public IssuedTokenAssert<T> belongsTo(Object owner) {
    Objects.requireNonNull(owner, "owner must not be null");
    TokenView view = view();
    Object expected = view.idOfOwner(owner);
    Object found = view.ownerId(actual.entity());
    if (expected == null || !expected.equals(found)) {
      failWithActualExpectedAndMessage(
          found,
          expected,
          "%nExpecting token%n  %s%nto belong to the owner with id %s%nbut %s holds owner id %s",
          actual,
          expected,
          view.describe("owner"),
          found);
    }
    return this;
  }

  /**
   * Verifies that the token is of the same family as {@code other}.
   *
   * @param other another issued token
   * @return this assertion
   */
  public IssuedTokenAssert<T> isInSameFamilyAs(IssuedToken<?> other) {
    Objects.requireNonNull(other, "other must not be null");
    TokenView view = view();
    TokenView otherView =
        TokenViews.of(other)
            .orElseThrow(() -> new AssertionError(Messages.notIssuedByFixturekit(other)));
    Object expected = otherView.family(other.entity());
    Object found = view.family(actual.entity());
    if (expected == null || !String.valueOf(expected).equals(String.valueOf(found))) {
      failWithActualExpectedAndMessage(
          found,
          expected,
          "%nExpecting token%n  %s%nto be in the family %s of%n  %s%nbut its %s is %s",
          actual,
          expected,
          other,
          view.describe("family"),
          found);
    }
    return this;
  }

  private TokenView view() {
    isNotNull();
    return TokenViews.of(actual)
        .orElseThrow(() -> new AssertionError(Messages.notIssuedByFixturekit(actual)));
  }
}
