package dev.hibernatelite.example;

import jakarta.ws.rs.BadRequestException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The query parameters of the list routes, read into what their queries bind. */
final class Search {
    /** Before every post: what {@code since} means when it is not given. */
    private static final Instant EVER = Instant.parse("1970-01-01T00:00:00Z");

    private Search() {
    }

    /**
     * @param text what a name must contain
     * @return a LIKE pattern that matches names containing it, {@code !} escaping the wildcards
     */
    static String containing(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /**
     * @param since an ISO-8601 instant ({@code 2025-01-31T00:00:00Z}), or null
     * @return the instant; the epoch when null
     * @throws BadRequestException (400) when it is not an instant
     */
    static Instant since(String since) {
        if (since == null) {
            return EVER;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an ISO-8601 instant, such as 2025-01-31T00:00:00Z.");
        }
    }
}
