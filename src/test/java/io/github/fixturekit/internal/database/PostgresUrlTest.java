package io.github.fixturekit.internal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresUrlTest {

  @Nested
  class Redacted {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "jdbc:postgresql://h/db?password=s3cret | jdbc:postgresql://h/db?password=***",
          "jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true |"
              + " jdbc:postgresql://h/db?user=u&password=***&ssl=true",
          "jdbc:postgresql://h/db?PASSWORD=s3cret&sslpassword=k3y |"
              + " jdbc:postgresql://h/db?PASSWORD=***&sslpassword=***",
          "jdbc:postgresql://h/db?user=password | jdbc:postgresql://h/db?user=password",
          "jdbc:postgresql://h/password | jdbc:postgresql://h/password",
        })
    void hidesTheValuesOfPasswordParametersOnly(String url, String shown) {
      assertThat(PostgresUrl.redacted(url)).isEqualTo(shown);
    }

    @Test
    void aMalformedUrlIsRefusedWithoutItsPassword() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PostgresUrl.parse("jdbc:mysql://h/db?password=s3cret"))
          .withMessageContaining("[jdbc:mysql://h/db?password=***]")
          .withMessageNotContaining("s3cret");
    }
  }

  @Nested
  class Parsing {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "jdbc:postgresql://127.0.0.1:5432/postgres | jdbc:postgresql://127.0.0.1:5432/fixturekit_x",
          "jdbc:postgresql://db.example.org/app?ssl=true&sslmode=require |"
              + " jdbc:postgresql://db.example.org/fixturekit_x?ssl=true&sslmode=require",
          "jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary |"
              + " jdbc:postgresql://h1:5432,h2:5433/fixturekit_x?targetServerType=primary",
          "jdbc:postgresql://localhost:5432/ | jdbc:postgresql://localhost:5432/fixturekit_x",
          "jdbc:postgresql:app | jdbc:postgresql://localhost/fixturekit_x",
          "jdbc:postgresql://[::1]:5432/postgres | jdbc:postgresql://[::1]:5432/fixturekit_x",
        })
    void replacesOnlyTheDatabaseName(String configured, String expected) {
      assertThat(PostgresUrl.parse(configured).withDatabase("fixturekit_x")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "postgres://127.0.0.1/db",
          "jdbc:mysql://127.0.0.1/db",
          "jdbc:postgresql:///db",
          "127.0.0.1:5432",
          "jdbc:postgresql://h/db/extra",
          "jdbc:postgresql://127.0.0.1:5432"
        })
    void rejectsWhatIsNotAPostgresJdbcUrl(String url) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PostgresUrl.parse(url))
          .withMessageContaining("[" + url + "] is not a PostgreSQL JDBC URL")
          .withMessageContaining("jdbc:postgresql://host:port/database");
    }

    @Test
    void rejectsNull() {
      assertThatIllegalArgumentException().isThrownBy(() -> PostgresUrl.parse(null));
    }
  }

  @Nested
  class Parameters {

    @Test
    void addsTheFirstParameterWithAQuestionMark() {
      assertThat(PostgresUrl.withParameter("jdbc:postgresql://h/db", "currentSchema", "s1"))
          .isEqualTo("jdbc:postgresql://h/db?currentSchema=s1");
    }

    @Test
    void addsFurtherParametersWithAnAmpersandAndEncodesTheValue() {
      assertThat(
              PostgresUrl.withParameter("jdbc:postgresql://h/db?ssl=true", "currentSchema", "a b"))
          .isEqualTo("jdbc:postgresql://h/db?ssl=true&currentSchema=a+b");
    }
  }
}
