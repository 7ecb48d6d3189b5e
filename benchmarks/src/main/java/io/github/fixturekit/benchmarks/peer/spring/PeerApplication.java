package io.github.fixturekit.benchmarks.peer.spring;

import io.github.fixturekit.benchmarks.model.User;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/** The application the Spring peer suite's {@code @DataJpaTest} slices: the benchmark's entities. */
@SpringBootApplication
@EntityScan(basePackageClasses = User.class)
public class PeerApplication {}
