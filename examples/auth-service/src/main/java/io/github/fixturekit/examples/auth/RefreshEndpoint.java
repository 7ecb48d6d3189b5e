package io.github.fixturekit.examples.auth;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Clock;
import java.util.Objects;

/**
 * What an HTTP handler for {@code POST /token/refresh} does: each request runs in a transaction of
 * its own, on an {@link EntityManager} of its own, and commits. A reused token still commits the
 * revocation of its family before the error goes back to the client.
 */
public class RefreshEndpoint {

    private final EntityManagerFactory entityManagerFactory;
    private final Clock clock;

    public RefreshEndpoint(EntityManagerFactory entityManagerFactory, Clock clock) {
        this.entityManagerFactory = Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Exchanges the presented raw token for a new one.
     *
     * @return the new raw token
     * @throws TokenException when the token is unknown, expired, revoked or reused
     */
    public String refresh(String raw) {
        EntityManager em = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            String next = new RefreshTokenService(em, clock).rotate(raw).raw();
            transaction.commit();
            return next;
        } catch (TokenReuseDetected e) {
            transaction.commit(); // keep the family's revocation
            throw e;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
