package io.github.fixturekit.factory.shop;

public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED,
  CANCELLED
}
