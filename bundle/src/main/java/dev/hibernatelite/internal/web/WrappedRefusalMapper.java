package dev.hibernatelite.internal.web;

import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import java.util.concurrent.CompletionException;

/**
 * Maps a {@link CompletionException} that wraps a refusal of the database (as Hibernate
 * Reactive's failures reach an async resource) through {@link DatabaseRefusals}. Any other
 * {@code CompletionException} is left to the application's mappers: {@link #isMappable} says no.
 *
 * <p>Internal: not part of the public API.
 */
public final class WrappedRefusalMapper implements ExtendedExceptionMapper<CompletionException> {
    private final DatabaseRefusals refusals;

    /** @param refusals what answers and logs the refusal */
    public WrappedRefusalMapper(DatabaseRefusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public boolean isMappable(CompletionException exception) {
        return RefusalClassifier.classify(exception).isPresent();
    }

    @Override
    public Response toResponse(CompletionException exception) {
        return refusals.toResponse(exception);
    }
}
