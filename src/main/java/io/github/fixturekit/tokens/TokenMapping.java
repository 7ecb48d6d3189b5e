package io.github.fixturekit.tokens;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps the token roles to the fields of a token entity whose names do not follow the convention,
 * and chooses how raw tokens are made and hashed. Each role left empty is found by convention.
 *
 * <pre>{@code
 * @FixtureTest(entities = {Account.class, ApiSession.class})
 * @TokenMapping(entity = ApiSession.class, owner = "accountId", ownerType = Account.class,
 *     hash = "digest", family = "chainId", expiresAt = "validUntil", revoked = "revokedAt",
 *     hashing = TokenMapping.Hashing.HMAC_SHA256_HEX, hmacKey = "test-key")
 * class SessionTest { ... }
 * }</pre>
 *
 * <p>Where it is read, most specific first: the {@code RefreshTokenFactory} or {@code @Issued}
 * parameter, the test method, the test class (and its enclosing classes), the extension's builder
 * ({@code FixtureExtension.builder().tokenMapping(TokenSchema...)}), the token entity class. The
 * first mapping found is used whole.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(TokenMapping.List.class)
public @interface TokenMapping {

  /**
   * The token entity this mapping is for. Needed on a test class with more than one token entity;
   * {@code void.class} (the default) means any token entity of the test.
   *
   * @return the token entity class
   */
  Class<?> entity() default void.class;

  /**
   * The owner: an association ({@code @ManyToOne}, owning {@code @OneToOne}) or a plain id column
   * such as {@code userId}.
   *
   * @return the field name; by convention the single association, or {@code user}, {@code owner},
   *     {@code userId}, {@code ownerId}
   */
  String owner() default "";

  /**
   * The owner's entity class when {@link #owner()} is a plain id column, so that {@code @Issued}
   * can create owners and {@code create(owner)} accepts the owner entity as well as its id.
   *
   * @return the owner entity class; {@code void.class} when not known
   */
  Class<?> ownerType() default void.class;

  /**
   * The hash of the raw token, a {@code String}.
   *
   * @return the field name; {@code tokenHash} by convention
   */
  String hash() default "";

  /**
   * The family id, a {@code UUID} or {@code String}.
   *
   * @return the field name; {@code familyId} by convention
   */
  String family() default "";

  /**
   * The expiry: {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, or {@code
   * LocalDateTime} read as UTC.
   *
   * @return the field name; {@code expiresAt} by convention
   */
  String expiresAt() default "";

  /**
   * Revocation: a boolean flag, or a nullable timestamp (set to "now" when revoked).
   *
   * @return the field name; {@code revoked}, {@code isRevoked} or {@code revokedAt} by convention
   */
  String revoked() default "";

  /**
   * The issue time, a timestamp; optional.
   *
   * @return the field name; {@code issuedAt} by convention, when present
   */
  String issuedAt() default "";

  /**
   * How raw tokens are hashed; ignored when {@link #hasher()} is set.
   *
   * @return the hashing, {@link Hashing#SHA256_HEX} by default
   */
  Hashing hashing() default Hashing.SHA256_HEX;

  /**
   * The key for the HMAC hashings (its UTF-8 bytes): the key the code under test is configured with
   * in tests.
   *
   * @return the key
   */
  String hmacKey() default "";

  /**
   * A user hash function: a class with a public no-argument constructor. Wins over {@link
   * #hashing()}.
   *
   * @return the hasher class; {@code TokenHashing.class} means none
   */
  Class<? extends TokenHashing> hasher() default TokenHashing.class;

  /**
   * Random bytes in a raw token, base64url encoded (32 bytes give 43 characters).
   *
   * @return the size in bytes, 32 by default (8 to 1024)
   */
  int rawBytes() default TokenSecrets.RAW_BYTES;

  /** The built-in hashings. */
  enum Hashing {
    /** Lowercase hex SHA-256, 64 characters. */
    SHA256_HEX,
    /** Base64url SHA-256 without padding, 43 characters. */
    SHA256_BASE64URL,
    /** Lowercase hex HMAC-SHA256 under {@link TokenMapping#hmacKey()}, 64 characters. */
    HMAC_SHA256_HEX,
    /**
     * Base64url HMAC-SHA256 without padding under {@link TokenMapping#hmacKey()}, 43 characters.
     */
    HMAC_SHA256_BASE64URL
  }

  /** Several mappings on one test class, one per token entity. */
  @Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @interface List {

    /**
     * The mappings.
     *
     * @return the mappings
     */
    TokenMapping[] value();
  }
}
