package io.github.fixturekit.internal.database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code jdbc:postgresql:} URL split into server part, database name and parameters. */
public record PostgresUrl(String server, String database, String parameters) {

  private static final Pattern FORM =
      Pattern.compile("^jdbc:postgresql:(//[^/?]*)?/?([^?/]*)(\\?.*)?$");

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException when it is not a PostgreSQL JDBC URL
   */
  public static PostgresUrl parse(String url) {
    Matcher m = url == null ? null : FORM.matcher(url.trim());
    // With a host, the driver needs the slash before the (possibly empty) database name.
    if (m == null
        || !m.matches()
        || (m.group(1) != null
            && (m.group(1).length() <= 2
                || !url.trim().startsWith("jdbc:postgresql:" + m.group(1) + "/")))) {
      throw new IllegalArgumentException(
          "["
              + redacted(url)
              + "] is not a PostgreSQL JDBC URL; expected the form"
              + " jdbc:postgresql://host:port/database");
    }
    String server = m.group(1) == null ? "//localhost" : m.group(1);
    return new PostgresUrl(server, m.group(2), m.group(3) == null ? "" : m.group(3).substring(1));
  }

  /** The same server and parameters, on another database. */
  public String withDatabase(String name) {
    return "jdbc:postgresql:"
        + server
        + "/"
        + name
        + (parameters.isEmpty() ? "" : "?" + parameters);
  }

  /** Query parameters whose values are secrets: never shown in a message. */
  private static final Pattern SECRET =
      Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;]*");

  /**
   * {@code url} fit for a message or log line: the values of its {@code password} and {@code
   * sslpassword} parameters replaced by {@code ***}.
   */
  public static String redacted(String url) {
    return url == null ? null : SECRET.matcher(url).replaceAll("$1***");
  }

  /** {@code url} with one more query parameter. */
  public static String withParameter(String url, String key, String value) {
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    return url + (url.contains("?") ? "&" : "?") + key + "=" + encoded;
  }
}
