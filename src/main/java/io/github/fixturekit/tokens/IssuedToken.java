package io.github.fixturekit.tokens;

import java.util.Objects;

/**
 * A refresh token that was persisted, together with the raw string a client would present. Only the
 * hash of {@link #raw()} is stored in the database.
 *
 * <pre>{@code
 * IssuedToken<RefreshToken> issued = tokens.create(alice);
 * service.refresh(issued.raw());
 * assertThat(issued.entity().getTokenHash()).hasSize(64);
 * }</pre>
 *
 * <p>{@link #toString()} masks the raw value, so a token never ends up in a test report or log.
 *
 * @param entity the managed token entity, as stored
 * @param raw the raw token: by default 43 characters of base64url without padding (32 random bytes)
 * @param <T> the token entity type
 * @since 0.1.0
 */
public record IssuedToken<T>(T entity, String raw) {

  /**
   * Checks that both parts are present.
   *
   * @param entity the managed token entity
   * @param raw the raw token
   */
  public IssuedToken {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(raw, "raw");
  }

  @Override
  public String toString() {
    return "IssuedToken[entity=" + entity + ", raw=" + mask(raw) + "]";
  }

  // Short raw values (given by a test) are masked whole: four characters would be half of them.
  private static String mask(String raw) {
    return raw.length() <= 8 ? "****" : raw.substring(0, 4) + "****";
  }
}
