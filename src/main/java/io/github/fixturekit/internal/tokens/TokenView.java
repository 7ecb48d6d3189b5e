package io.github.fixturekit.internal.tokens;

import java.time.Instant;

/**
 * How to read the token roles of an issued token, with the clock and hashing it was issued under:
 * what the AssertJ assertions judge by. Holds neither the entity nor the raw token.
 */
public interface TokenView {

  /** The token entity class this view reads. */
  Class<?> tokenType();

  /** "Now" on the clock the token was issued with. */
  Instant now();

  Instant expiresAt(Object token);

  boolean isRevoked(Object token);

  /** The family id as stored (a UUID or String). */
  Object family(Object token);

  /** The id of the token's owner, from the association or the id column. */
  Object ownerId(Object token);

  /** The id of a candidate owner: an entity's id, or the value itself when it is an id. */
  Object idOfOwner(Object candidate);

  String storedHash(Object token);

  /** The hash the mapping's hashing gives for {@code raw}. */
  String hash(String raw);

  /** Field names for messages: {@code RefreshToken.expiresAt}. */
  String describe(String role);
}
