package io.github.fixturekit.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Raw token generation and hashing, as the token semantics prescribe. */
final class TokenSecrets {

  /** Bytes of randomness in a raw token. */
  static final int RAW_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private TokenSecrets() {}

  /** 32 bytes from SecureRandom, base64url without padding: 43 characters. */
  static String newRawToken() {
    byte[] bytes = new byte[RAW_BYTES];
    RANDOM.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** Lowercase hex SHA-256 of the raw token's UTF-8 bytes: 64 characters. */
  static String sha256Hex(String raw) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
