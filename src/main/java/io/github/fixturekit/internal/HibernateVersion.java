package io.github.fixturekit.internal;

import org.hibernate.Version;

/**
 * The Hibernate ORM version on the user's class path, and what fixturekit does differently for it.
 * fixturekit is compiled against Hibernate 7; on Hibernate 6.6 it runs without the parts that use
 * Hibernate 7's generator and event APIs (batched inserts for identity ids and generated columns,
 * {@code internal.batching}): rows are then inserted one statement each, as Hibernate itself does.
 * Every such difference is decided here, nowhere else.
 */
public final class HibernateVersion {

  private static final int MAJOR = major(Version.getVersionString());

  private HibernateVersion() {}

  /** The major version, e.g. 6 or 7; 0 when Hibernate does not say. */
  public static int major() {
    return MAJOR;
  }

  /**
   * Whether fixturekit rewrites the mapping so that inserts of identity ids and database-generated
   * columns are batched; Hibernate 7 and later only.
   */
  public static boolean batchesInserts() {
    return MAJOR >= 7;
  }

  static int major(String version) {
    if (version == null) {
      return 0;
    }
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
  }
}
