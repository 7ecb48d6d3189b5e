package io.github.fixturekit.internal.tokens;

/** What the extension needs to know of a token factory to make an {@code @Issued} token. */
public interface TokenFactoryAccess {

  /** The owner's entity class, or null when the owner is an id column of unknown entity. */
  Class<?> ownerType();

  /** The owner field, for messages. */
  String ownerFieldName();
}
