package io.github.fixturekit.factory.model;

/** The lifecycle of an {@link Account}. */
public enum Status {
  PENDING,
  ACTIVE,
  SUSPENDED,
  CLOSED
}
