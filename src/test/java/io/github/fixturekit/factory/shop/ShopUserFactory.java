package io.github.fixturekit.factory.shop;

import io.github.fixturekit.FixtureFactory;

/**
 * A user factory as an application would write it: defaults, traits, a sequence, a derived name.
 */
public class ShopUserFactory extends FixtureFactory<ShopUser> {

  public ShopUserFactory() {
    derive("displayName", u -> u.getFirstName() + " " + u.getLastName());
  }

  @Override
  protected void defaults(ShopUser user) {
    user.setEmail(sequence("user-{n}@example.org"));
    user.setRole(Role.MEMBER);
    user.setVerified(true);
  }

  public ShopUserFactory admin() {
    return trait(u -> u.setRole(Role.ADMIN));
  }

  public ShopUserFactory unverified() {
    return trait(u -> u.setVerified(false));
  }

  /** A last name numbered by a counter of its own: "Tester 1", "Tester 2", ... */
  public ShopUserFactory numberedTester() {
    return trait(u -> u.setLastName("Tester " + sequenceNumber("tester")));
  }

  public ShopUserFactory named(String first, String last) {
    return trait(
        u -> {
          u.setFirstName(first);
          u.setLastName(last);
        });
  }
}
