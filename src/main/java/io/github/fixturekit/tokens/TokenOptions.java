package io.github.fixturekit.tokens;

import io.github.fixturekit.internal.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The choices a test can make for one refresh token. Every option returns this object, so options
 * read as one sentence.
 *
 * <pre>{@code
 * tokens.create(alice, o -> o.expiresIn(Duration.ofHours(1)).revoked(true));
 * tokens.create(alice, o -> o.expiresAt(Instant.parse("2030-01-01T00:00:00Z")).familyId(first.familyId()));
 * tokens.create(alice, o -> o.raw("known-token-for-this-test"));
 * }</pre>
 *
 * <p>Defaults: not revoked, expiring 7 days after "now" on the test's clock, a new family, a random
 * raw token, issued now (where the entity has an issue-time field).
 *
 * @since 0.1.0
 */
public final class TokenOptions {

  /** How long a token lives when the test does not say: {@value #DEFAULT_LIFETIME_DAYS} days. */
  public static final int DEFAULT_LIFETIME_DAYS = 7;

  private boolean revoked;
  private Duration expiresIn = Duration.ofDays(DEFAULT_LIFETIME_DAYS);
  private @Nullable Instant expiresAt;
  private @Nullable UUID familyId;
  private @Nullable String raw;
  private @Nullable Instant issuedAt;

  TokenOptions() {}

  /**
   * Whether the token is stored as revoked. With a revocation timestamp instead of a flag, a
   * revoked token is stamped with "now" on the test's clock.
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
   * expired; zero gives one that expires now. Replaces an earlier {@link #expiresAt(Instant)}.
   *
   * @param expiresIn the time to live; the default is 7 days
   * @return these options
   * @throws NullPointerException when {@code expiresIn} is null
   */
  public TokenOptions expiresIn(Duration expiresIn) {
    this.expiresIn =
        Objects.requireNonNull(
            expiresIn, "expiresIn must not be null: pass a Duration such as Duration.ofHours(1)");
    this.expiresAt = null;
    return this;
  }

  /**
   * The exact moment the token expires, whatever the clock says. Cut to microseconds, as PostgreSQL
   * keeps them. Replaces an earlier {@link #expiresIn(Duration)}.
   *
   * @param expiresAt the expiry
   * @return these options
   * @throws NullPointerException when {@code expiresAt} is null
   */
  public TokenOptions expiresAt(Instant expiresAt) {
    this.expiresAt =
        Objects.requireNonNull(
            expiresAt,
            "expiresAt must not be null: pass an Instant such as Instant.parse(\"2030-01-01T00:00:00Z\")");
    return this;
  }

  /**
   * Joins an existing token family instead of starting a new one.
   *
   * @param familyId the family, for example that of an earlier token
   * @return these options
   * @throws NullPointerException when {@code familyId} is null
   */
  public TokenOptions familyId(UUID familyId) {
    this.familyId =
        Objects.requireNonNull(
            familyId, "familyId must not be null: leave it unset for a new family");
    return this;
  }

  /**
   * A given raw token instead of a random one, for a test that needs a known value. Only its hash
   * is stored, as for a random one.
   *
   * @param raw non-blank, and URL-safe: letters, digits and {@code - . _ ~} only
   * @return these options
   * @throws NullPointerException when {@code raw} is null
   * @throws IllegalArgumentException when {@code raw} is blank or not URL-safe
   */
  public TokenOptions raw(String raw) {
    Objects.requireNonNull(raw, "raw must not be null: leave it unset for a random token");
    if (raw.isBlank()) {
      throw new IllegalArgumentException(Messages.blankRawToken());
    }
    if (!TokenSecrets.URL_SAFE.matcher(raw).matches()) {
      throw new IllegalArgumentException(Messages.rawTokenNotUrlSafe(raw));
    }
    this.raw = raw;
    return this;
  }

  /**
   * When the token was issued; needs an issue-time field in the entity ({@code issuedAt} by
   * convention, or mapped with {@code @TokenMapping(issuedAt = ...)}). Without this option that
   * field gets "now" on the test's clock.
   *
   * @param issuedAt the issue time
   * @return these options
   * @throws NullPointerException when {@code issuedAt} is null
   */
  public TokenOptions issuedAt(Instant issuedAt) {
    this.issuedAt =
        Objects.requireNonNull(issuedAt, "issuedAt must not be null: leave it unset for now");
    return this;
  }

  boolean isRevoked() {
    return revoked;
  }

  Duration expiresIn() {
    return expiresIn;
  }

  @Nullable Instant expiresAt() {
    return expiresAt;
  }

  @Nullable UUID familyId() {
    return familyId;
  }

  @Nullable String raw() {
    return raw;
  }

  @Nullable Instant issuedAt() {
    return issuedAt;
  }
}
