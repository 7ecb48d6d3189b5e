/**
 * fixturekit: a JUnit 5 extension that gives each test a real PostgreSQL database, a Hibernate
 * session rolled back after the test, and factories of persisted entities.
 *
 * <p>Nothing here returns or accepts null unless marked {@link org.jspecify.annotations.Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.fixturekit;

import org.jspecify.annotations.NullMarked;
