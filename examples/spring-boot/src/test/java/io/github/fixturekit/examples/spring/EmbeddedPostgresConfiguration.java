package io.github.fixturekit.examples.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The tests' DataSource: a PostgreSQL of their own, started once per JVM from the binaries on Maven
 * Central (the same embedded server fixturekit uses by default), so the tests need nothing but a JDK
 * and Maven. Spring Boot's Hibernate creates the schema in it ({@code ddl-auto=create-drop} in the
 * test properties). Spring owns the pool; fixturekit only sees the EntityManager.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    private static EmbeddedPostgres postgres;

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres =
                        EmbeddedPostgres.builder()
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    @Bean
    DataSource dataSource() {
        return DataSourceBuilder.create()
                .url(postgres().getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("")
                .build();
    }
}
