package io.github.fixturekit.factory.shop;

/** Stored by ordinal. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH
}
