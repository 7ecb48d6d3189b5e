package io.github.fixturekit.factory.shapes;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A record used as an embeddable: its fields are final. */
@Embeddable
public record ShapePeriod(Instant startsAt, Instant endsAt) {}
