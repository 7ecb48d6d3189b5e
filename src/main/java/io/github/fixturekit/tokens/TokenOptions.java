package io.github.fixturekit.tokens;

import java.time.Duration;
import java.util.Objects;

/**
 * The choices a test can make for one refresh token. Every option returns this object, so options
 * read as one sentence.
 *
 * <pre>{@code
 * tokens.create(alice, o -> o.expiresIn(Duration.ofHours(1)).revoked(true));
 * }</pre>
 *
 * <p>Defaults: not revoked, expiring 7 days after "now" on the extension's clock.
 *
 * @since 0.1.0
 */
public final class TokenOptions {

  /** How long a token lives when the test does not say: {@value #DEFAULT_LIFETIME_DAYS} days. */
  public static final int DEFAULT_LIFETIME_DAYS = 7;

  private boolean revoked;
  private Duration expiresIn = Duration.ofDays(DEFAULT_LIFETIME_DAYS);

  TokenOptions() {}

  /**
   * Whether the token is stored as revoked.
   *
   * @param revoked {@code true} for a revoked token; the default is {@code false}
   * @return these options
   */
  public TokenOptions revoked(boolean revoked) {
    this.revoked = revoked;
    return this;
  }

  /**
   * How long from now the token expires. A negative duration gives a token that has already
   * expired; zero gives one that expires now.
   *
   * @param expiresIn the time to live; the default is 7 days
   * @return these options
   * @throws NullPointerException when {@code expiresIn} is null
   */
  public TokenOptions expiresIn(Duration expiresIn) {
    this.expiresIn =
        Objects.requireNonNull(
            expiresIn, "expiresIn must not be null: pass a Duration such as Duration.ofHours(1)");
    return this;
  }

  boolean isRevoked() {
    return revoked;
  }

  Duration expiresIn() {
    return expiresIn;
  }
}
