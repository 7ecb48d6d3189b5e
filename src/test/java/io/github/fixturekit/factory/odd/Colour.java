package io.github.fixturekit.factory.odd;

/** A type fixturekit cannot make on its own: an interface, stored through a converter. */
public interface Colour {

  String hex();

  static Colour of(String hex) {
    return () -> hex;
  }
}
