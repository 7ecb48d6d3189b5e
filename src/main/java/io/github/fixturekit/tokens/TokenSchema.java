package io.github.fixturekit.tokens;

import io.github.fixturekit.internal.Messages;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A token mapping in code: which fields of a token entity hold the token roles, how raw tokens are
 * hashed and how long they are. Immutable; each method returns a changed copy. Roles left unset are
 * found by the naming convention.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FixtureExtension fixtures = FixtureExtension.builder()
 *     .entities(Account.class, ApiSession.class)
 *     .tokenMapping(TokenSchema.of(ApiSession.class)
 *         .owner("accountId").ownerType(Account.class)
 *         .hash("digest").revoked("revokedAt")
 *         .hashing(TokenHashing.hmacSha256Hex("test-key")))
 *     .build();
 * }</pre>
 *
 * @param <T> the token entity type
 * @since 0.1.0
 */
public final class TokenSchema<T> {

  private final Class<T> tokenType;
  private final @Nullable String owner;
  private final @Nullable Class<?> ownerType;
  private final @Nullable String hash;
  private final @Nullable String family;
  private final @Nullable String expiresAt;
  private final @Nullable String revoked;
  private final @Nullable String issuedAt;
  private final TokenHashing hashing;
  private final int rawBytes;

  private TokenSchema(
      Class<T> tokenType,
      @Nullable String owner,
      @Nullable Class<?> ownerType,
      @Nullable String hash,
      @Nullable String family,
      @Nullable String expiresAt,
      @Nullable String revoked,
      @Nullable String issuedAt,
      TokenHashing hashing,
      int rawBytes) {
    this.tokenType = tokenType;
    this.owner = owner;
    this.ownerType = ownerType;
    this.hash = hash;
    this.family = family;
    this.expiresAt = expiresAt;
    this.revoked = revoked;
    this.issuedAt = issuedAt;
    this.hashing = hashing;
    this.rawBytes = rawBytes;
  }

  /**
   * The convention mapping of {@code tokenType}: SHA-256 hex, 32 random bytes.
   *
   * @param tokenType the token entity class
   * @param <T> the token entity type
   * @return the schema
   */
  public static <T> TokenSchema<T> of(Class<T> tokenType) {
    Objects.requireNonNull(tokenType, "tokenType");
    return new TokenSchema<>(
        tokenType,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        TokenHashing.sha256Hex(),
        TokenSecrets.RAW_BYTES);
  }

  /**
   * The mapping an annotation describes.
   *
   * @param tokenType the token entity class
   * @param mapping the annotation
   * @param <T> the token entity type
   * @return the schema
   * @throws IllegalArgumentException when the annotation is for another entity, an HMAC hashing has
   *     no key, or the hasher class cannot be created
   */
  public static <T> TokenSchema<T> of(Class<T> tokenType, TokenMapping mapping) {
    Objects.requireNonNull(mapping, "mapping");
    if (mapping.entity() != void.class && mapping.entity() != tokenType) {
      throw new IllegalArgumentException(
          Messages.tokenMappingForOtherEntity(tokenType, mapping.entity()));
    }
    TokenSchema<T> schema =
        of(tokenType)
            .owner(emptyToNull(mapping.owner()))
            .hash(emptyToNull(mapping.hash()))
            .family(emptyToNull(mapping.family()))
            .expiresAt(emptyToNull(mapping.expiresAt()))
            .revoked(emptyToNull(mapping.revoked()))
            .issuedAt(emptyToNull(mapping.issuedAt()))
            .rawBytes(mapping.rawBytes());
    if (mapping.ownerType() != void.class) {
      schema = schema.ownerType(mapping.ownerType());
    }
    return schema.hashing(hashing(tokenType, mapping));
  }

  private static TokenHashing hashing(Class<?> tokenType, TokenMapping mapping) {
    if (mapping.hasher() != TokenHashing.class) {
      try {
        return mapping.hasher().getConstructor().newInstance();
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException(
            Messages.hasherNotCreated(tokenType, mapping.hasher(), e.getCause()), e);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalArgumentException(
            Messages.hasherNotCreated(tokenType, mapping.hasher(), e), e);
      }
    }
    return switch (mapping.hashing()) {
      case SHA256_HEX -> TokenHashing.sha256Hex();
      case SHA256_BASE64URL -> TokenHashing.sha256Base64Url();
      case HMAC_SHA256_HEX, HMAC_SHA256_BASE64URL -> {
        if (mapping.hmacKey().isEmpty()) {
          throw new IllegalArgumentException(
              Messages.hmacKeyMissing(tokenType, mapping.hashing().name()));
        }
        yield mapping.hashing() == TokenMapping.Hashing.HMAC_SHA256_HEX
            ? TokenHashing.hmacSha256Hex(mapping.hmacKey())
            : TokenHashing.hmacSha256Base64Url(mapping.hmacKey());
      }
    };
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * The owner field: an association or a plain id column.
   *
   * @param field the field name, or null for the convention
   * @return a changed copy
   */
  public TokenSchema<T> owner(@Nullable String field) {
    return new TokenSchema<>(
        tokenType, field, ownerType, hash, family, expiresAt, revoked, issuedAt, hashing, rawBytes);
  }

  /**
   * The owner's entity class, when the owner field is a plain id column.
   *
   * @param type the owner entity class
   * @return a changed copy
   */
  public TokenSchema<T> ownerType(Class<?> type) {
    return new TokenSchema<>(
        tokenType, owner, type, hash, family, expiresAt, revoked, issuedAt, hashing, rawBytes);
  }

  /**
   * The hash field, a {@code String}.
   *
   * @param field the field name, or null for the convention
   * @return a changed copy
   */
  public TokenSchema<T> hash(@Nullable String field) {
    return new TokenSchema<>(
        tokenType, owner, ownerType, field, family, expiresAt, revoked, issuedAt, hashing,
        rawBytes);
  }

  /**
   * The family field, a {@code UUID} or {@code String}.
   *
   * @param field the field name, or null for the convention
   * @return a changed copy
   */
  public TokenSchema<T> family(@Nullable String field) {
    return new TokenSchema<>(
        tokenType, owner, ownerType, hash, field, expiresAt, revoked, issuedAt, hashing, rawBytes);
  }

  /**
   * The expiry field.
   *
   * @param field the field name, or null for the convention
   * @return a changed copy
   */
  public TokenSchema<T> expiresAt(@Nullable String field) {
    return new TokenSchema<>(
        tokenType, owner, ownerType, hash, family, field, revoked, issuedAt, hashing, rawBytes);
  }

  /**
   * The revocation field: a boolean, or a nullable timestamp.
   *
   * @param field the field name, or null for the convention
   * @return a changed copy
   */
  public TokenSchema<T> revoked(@Nullable String field) {
    return new TokenSchema<>(
        tokenType, owner, ownerType, hash, family, expiresAt, field, issuedAt, hashing, rawBytes);
  }

  /**
   * The issue-time field.
   *
   * @param field the field name, or null for the convention
   * @return a changed copy
   */
  public TokenSchema<T> issuedAt(@Nullable String field) {
    return new TokenSchema<>(
        tokenType, owner, ownerType, hash, family, expiresAt, revoked, field, hashing, rawBytes);
  }

  /**
   * How raw tokens are hashed.
   *
   * @param hashing the hashing, for example {@code TokenHashing.hmacSha256Hex("key")}
   * @return a changed copy
   */
  public TokenSchema<T> hashing(TokenHashing hashing) {
    Objects.requireNonNull(
        hashing, "hashing must not be null: TokenHashing.sha256Hex() is the default");
    return new TokenSchema<>(
        tokenType, owner, ownerType, hash, family, expiresAt, revoked, issuedAt, hashing, rawBytes);
  }

  /**
   * Random bytes per raw token.
   *
   * @param bytes between 8 and 1024; the default is 32
   * @return a changed copy
   * @throws IllegalArgumentException when {@code bytes} is out of range
   */
  public TokenSchema<T> rawBytes(int bytes) {
    if (bytes < TokenSecrets.MIN_RAW_BYTES || bytes > TokenSecrets.MAX_RAW_BYTES) {
      throw new IllegalArgumentException(
          Messages.rawBytesOutOfRange(
              tokenType, bytes, TokenSecrets.MIN_RAW_BYTES, TokenSecrets.MAX_RAW_BYTES));
    }
    return new TokenSchema<>(
        tokenType, owner, ownerType, hash, family, expiresAt, revoked, issuedAt, hashing, bytes);
  }

  /**
   * The token entity class.
   *
   * @return the class
   */
  public Class<T> tokenType() {
    return tokenType;
  }

  TokenHashing hashingFunction() {
    return hashing;
  }

  int rawBytesCount() {
    return rawBytes;
  }

  /** The field names only: what the field lookup depends on. */
  record Fields(
      Class<?> tokenType,
      @Nullable String owner,
      @Nullable Class<?> ownerType,
      @Nullable String hash,
      @Nullable String family,
      @Nullable String expiresAt,
      @Nullable String revoked,
      @Nullable String issuedAt) {}

  Fields fields() {
    return new Fields(tokenType, owner, ownerType, hash, family, expiresAt, revoked, issuedAt);
  }

  @Override
  public String toString() {
    return "TokenSchema[" + tokenType.getSimpleName() + "]";
  }
}
