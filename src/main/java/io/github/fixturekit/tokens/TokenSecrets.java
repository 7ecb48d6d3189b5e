package io.github.fixturekit.tokens;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Raw token generation and hashing, as the token semantics prescribe. */
final class TokenSecrets {

  /** Bytes of randomness in a raw token. */
  static final int RAW_BYTES = 32;

  /** The fewest and most random bytes a mapping may ask for. */
  static final int MIN_RAW_BYTES = 8;

  static final int MAX_RAW_BYTES = 1024;

  /** The unreserved characters of RFC 3986: safe in a URL, a header or a form without escaping. */
  static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private TokenSecrets() {}

  /** 32 bytes from SecureRandom, base64url without padding: 43 characters. */
  static String newRawToken() {
    return newRawToken(RAW_BYTES);
  }

  /** {@code bytes} bytes from SecureRandom, base64url without padding. */
  static String newRawToken(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return BASE64URL.encodeToString(random);
  }

  /** Lowercase hex SHA-256 of the raw token's UTF-8 bytes: 64 characters. */
  static String sha256Hex(String raw) {
    return HexFormat.of().formatHex(sha256(raw));
  }

  /** Base64url (no padding) SHA-256 of the raw token's UTF-8 bytes: 43 characters. */
  static String sha256Base64Url(String raw) {
    return BASE64URL.encodeToString(sha256(raw));
  }

  static String hmacSha256Hex(byte[] key, String raw) {
    return HexFormat.of().formatHex(hmacSha256(key, raw));
  }

  static String hmacSha256Base64Url(byte[] key, String raw) {
    return BASE64URL.encodeToString(hmacSha256(key, raw));
  }

  private static byte[] sha256(String raw) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static byte[] hmacSha256(byte[] key, String raw) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(raw.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not usable in this JVM: " + e.getMessage(), e);
    }
  }
}
