package dev.hibernatelite.internal.web;

import dev.hibernatelite.internal.message.RefusalMessages;
import dev.hibernatelite.internal.web.EntityColumns.Column;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers a request that failed because the database refused a value (422) or a row (409): in
 * Dropwizard's error shape, naming the entity's property (or the column, or the constraint),
 * never the SQL or the value; logged as one INFO line, the database's message at DEBUG. A
 * failure that is not a refusal gets Dropwizard's logged 500, as without this class.
 *
 * <p>Internal: not part of the public API.
 */
public final class DatabaseRefusals {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRefusals.class);
    private static final LoggingExceptionMapper<Throwable> SERVER_ERROR = new LoggingExceptionMapper<>() { };

    private final Supplier<Collection<SessionFactory>> factories;
    private volatile EntityColumns columns;

    /** @param factories every engine's (ORM) session factory, read on the first refusal */
    public DatabaseRefusals(Supplier<Collection<SessionFactory>> factories) {
        this.factories = factories;
    }

    /** What a refusal is about, as the client knows it. */
    private record Subject(String entity, String property, String column) {
        String describe() {
            return property != null ? entity + "." + property : column != null ? "column " + column : null;
        }
    }

    Response toResponse(Throwable failure) {
        Refusal refusal = RefusalClassifier.classify(failure).orElse(null);
        if (refusal == null) {
            return SERVER_ERROR.toResponse(failure);
        }
        return answer(refusal);
    }

    Response answer(Refusal refusal) {
        Subject subject;
        try {
            subject = subjectOf(refusal);
        } catch (RuntimeException e) {
            // the metamodel could not be read: answer without the property rather than fail the answer
            LOG.debug("Could not find the property of a refused value", e);
            subject = new Subject(null, null, null);
        }
        String kind = refusal.kind().name();
        int status = refusal.kind().status();
        String message;
        if (status == 409) {
            message = RefusalMessages.conflict(kind, subject.describe(), refusal.constraint());
            LOG.info(RefusalMessages.conflictLog(status, kind, subject.describe(), refusal.constraint(),
                    refusal.sqlState(), refusal.vendorCode()));
        } else {
            message = RefusalMessages.refusedValue(kind, subject.describe(), refusal.maxLength(), refusal.constraint());
            LOG.info(RefusalMessages.refusedValueLog(status, kind, subject.describe(), refusal.sqlState(),
                    refusal.vendorCode()));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Refused: {}", refusal);
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new RefusalBody(status, message, subject.entity(), subject.property(),
                        subject.property() == null ? subject.column() : null,
                        status == 409 || "CHECK".equals(kind) ? refusal.constraint() : null))
                .build();
    }

    private Subject subjectOf(Refusal refusal) {
        if (refusal.property() != null) {
            return new Subject(refusal.entity(), refusal.property(), null);
        }
        EntityColumns known = columns();
        List<Column> candidates = new ArrayList<>();
        if (refusal.column() != null) {
            candidates.addAll(known.find(refusal.table(), refusal.column()));
            if (candidates.isEmpty() && refusal.table() != null) {
                candidates.addAll(known.find(null, refusal.column()));
            }
        } else {
            for (String column : refusal.statementColumns()) {
                for (Column c : known.find(refusal.table(), column)) {
                    if (refusal.kind().fits(c.javaType()) && (refusal.maxLength() == null || c.length() == null
                            || c.length().intValue() == refusal.maxLength())
                            && typeFits(refusal.databaseMessage(), c.sqlType())) {
                        candidates.add(c);
                    }
                }
            }
        }
        Map<String, Column> distinct = new LinkedHashMap<>();
        candidates.forEach(c -> distinct.putIfAbsent(c.entity() + "." + c.property(), c));
        if (distinct.size() == 1) {
            Column c = distinct.values().iterator().next();
            return new Subject(c.entity(), c.property(), null);
        }
        if (refusal.column() != null) {
            return new Subject(null, null, refusal.table() == null ? refusal.column()
                    : refusal.table() + "." + refusal.column());
        }
        return new Subject(null, null, null);
    }

    // PostgreSQL names the type that overflowed: "smallint out of range", "numeric field overflow"
    private static boolean typeFits(String message, String sqlType) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        for (String type : List.of("smallint", "bigint", "integer")) {
            if (m.contains(type + " out of range")) {
                return sqlType.startsWith(type) || type.equals("integer") && sqlType.startsWith("int");
            }
        }
        if (m.contains("numeric field overflow")) {
            return sqlType.startsWith("numeric") || sqlType.startsWith("decimal");
        }
        return true;
    }

    private EntityColumns columns() {
        EntityColumns c = columns;
        if (c == null) {
            c = EntityColumns.of(factories.get());
            columns = c;
        }
        return c;
    }
}
