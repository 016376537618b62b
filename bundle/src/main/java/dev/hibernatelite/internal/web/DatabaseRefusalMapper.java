package dev.hibernatelite.internal.web;

import jakarta.ws.rs.core.Response;
import org.hibernate.HibernateException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Maps a Hibernate failure that is, or wraps, a refusal of the database through
 * {@link DatabaseRefusals}: a value it cannot store (Hibernate's {@code DataException}) answers
 * 422, a unique or foreign-key violation ({@code ConstraintViolationException}) 409, also when
 * Hibernate Reactive wraps them in a plain {@link HibernateException}. Any other failure is not
 * mappable here ({@link #isMappable}), and goes to the next mapper as before.
 *
 * <p>An application's own {@code ExceptionMapper<DataException>} or
 * {@code ExceptionMapper<ConstraintViolationException>} replaces this one for that type: Jersey
 * chooses the mapper of the closest type.
 *
 * <p>Internal: not part of the public API.
 */
public final class DatabaseRefusalMapper implements ExtendedExceptionMapper<HibernateException> {
    private final DatabaseRefusals refusals;

    /** @param refusals what answers and logs the refusal */
    public DatabaseRefusalMapper(DatabaseRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public boolean isMappable(HibernateException exception) {
        return RefusalClassifier.classify(exception).isPresent();
    }

    @Override
    public Response toResponse(HibernateException exception) {
        return refusals.toResponse(exception);
    }
}
