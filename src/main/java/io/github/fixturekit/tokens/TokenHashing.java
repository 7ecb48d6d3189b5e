package io.github.fixturekit.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a raw token becomes the value stored in the token entity. Chosen per token mapping; the
 * default is {@link #sha256Hex()}. A user function is any implementation, for example the
 * application's own hasher, so the fixture and the code under test can never disagree.
 *
 * <pre>{@code
 * TokenSchema.of(ApiSession.class).hashing(TokenHashing.hmacSha256Hex("test-key"));
 * TokenSchema.of(ApiSession.class).hashing(raw -> MyHasher.hash(raw));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TokenHashing {

  /**
   * The value stored for {@code raw}.
   *
   * @param raw the raw token
   * @return its hash, never null
   */
  String hash(String raw);

  /**
   * Lowercase hex SHA-256 of the raw token's UTF-8 bytes (64 characters): the default.
   *
   * @return the hashing
   */
  static TokenHashing sha256Hex() {
    return TokenSecrets::sha256Hex;
  }

  /**
   * Base64url SHA-256 without padding (43 characters).
   *
   * @return the hashing
   */
  static TokenHashing sha256Base64Url() {
    return TokenSecrets::sha256Base64Url;
  }

  /**
   * Lowercase hex HMAC-SHA256 under {@code key}'s UTF-8 bytes (64 characters).
   *
   * @param key the secret key, not empty
   * @return the hashing
   */
  static TokenHashing hmacSha256Hex(String key) {
    byte[] bytes = keyBytes(key);
    return raw -> TokenSecrets.hmacSha256Hex(bytes, raw);
  }

  /**
   * Base64url HMAC-SHA256 without padding under {@code key}'s UTF-8 bytes (43 characters).
   *
   * @param key the secret key, not empty
   * @return the hashing
   */
  static TokenHashing hmacSha256Base64Url(String key) {
    byte[] bytes = keyBytes(key);
    return raw -> TokenSecrets.hmacSha256Base64Url(bytes, raw);
  }

  private static byte[] keyBytes(String key) {
    Objects.requireNonNull(key, "HMAC key must not be null");
    if (key.isEmpty()) {
      throw new IllegalArgumentException(
          "HMAC key must not be empty: pass the key the application under test is configured with");
    }
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
