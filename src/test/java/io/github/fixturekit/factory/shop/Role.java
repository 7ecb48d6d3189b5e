package io.github.fixturekit.factory.shop;

public enum Role {
  MEMBER,
  SUPPORT,
  ADMIN
}
