/**
 * The PostgreSQL database a test run uses, as code under test can reach it.
 *
 * <p>Nothing here returns or accepts null unless marked {@link org.jspecify.annotations.Nullable}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.fixturekit.database;

import org.jspecify.annotations.NullMarked;
