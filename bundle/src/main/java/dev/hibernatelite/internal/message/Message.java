package dev.hibernatelite.internal.message;

import java.util.EnumSet;
import java.util.Set;

/**
 * The catalogue: every message a user can cause, each declared once with its stable id.
 * {@code HL1xx} configuration, {@code HL2xx} sessions and contexts, {@code HL3xx} commands,
 * {@code HL4xx} engines at run time. An id never changes meaning, so it can be searched for in
 * docs/errors.md (when it happens, how to fix it) and in issue trackers. The texts are written
 * by {@link Messages}.
 *
 * <p>Internal: not part of the public API.
 */
public enum Message {
    ENGINES_MISSING(101),
    ENGINES_EMPTY(102),
    DEFAULT_ENGINE_MISSING(103),
    ENGINE_EMPTY(104),
    URL_MISSING(105),
    URL_NOT_JDBC(106),
    NO_DRIVER_ACCEPTS_URL(107),
    URL_MALFORMED(108),
    DRIVER_CLASS_NOT_FOUND(109),
    DRIVER_CLASS_NOT_A_DRIVER(110),
    DRIVER_REJECTS_URL(111),
    SIZE_TOO_SMALL(112),
    MIN_SIZE_ABOVE_MAX_SIZE(113),
    DURATION_TOO_SHORT(114),
    VALIDATION_NOT_BELOW_WAIT(115),
    ENTITY_ON_UNKNOWN_ENGINE(116),
    ENTITY_BOUND_TWICE(117),
    NOT_AN_ENTITY(118),
    NO_ENTITIES_IN_PACKAGE(119),
    HIBERNATE_REJECTS_ENGINE(120),
    ENGINE_NAME_INVALID(121),
    ENGINES_NOT_DECLARED(122),
    STATEMENT_TIMEOUT_TOO_SHORT(125),
    STATEMENT_TIMEOUT_NOT_APPLIED(126),
    ASYNC_ENGINE_EMPTY(131),
    ASYNC_URL_MISSING(132),
    ASYNC_URL_UNSUPPORTED(133),
    ASYNC_CLIENT_MISSING(134),
    ASYNC_URL_MALFORMED(135),
    ASYNC_NOT_ON_CLASS_PATH(136),
    MIGRATION_LOCATION_INVALID(150),
    MIGRATION_TABLE_INVALID(151),
    MIGRATION_LOCATION_MISSING(152),
    FLYWAY_DATABASE_MISSING(153),
    REPLICA_OF_ANOTHER_DATABASE(180),
    PGBOUNCER_NEEDS_POSTGRESQL(181),
    REPLICA_URL_INVALID(182),

    NO_CONTEXT(201),
    CONTEXT_CLOSED(202),
    UNKNOWN_ENGINE(203),
    NO_DEFAULT_ENGINE(204),
    NOT_STARTED(205),
    STOPPED(206),
    NO_ASYNC_ENGINES(207),
    ASYNC_SESSION_IN_USE(208),
    ALREADY_ISOLATED(209),
    ISOLATED_CONNECTION_BUSY(210),
    CURRENT_SESSION_OUTSIDE_CONTEXT(160),
    UNIT_OF_WORK_UNKNOWN_ENGINE(161),
    BUNDLE_ADDED_TWICE(162),
    ENGINE_NAMES_CLAIMED_TWICE(163),
    COMMAND_NAME_CLAIMED_TWICE(164),
    UNIT_OF_WORK_MIXED(165),
    CURRENT_SESSION_NOT_SERVED(166),
    COMMIT_IN_READ_ONLY_CONTEXT(240),
    READ_ONLY_WITH_COMMIT_ON_SUCCESS(241),
    UNCOMMITTED_CHANGES(230),
    ENTITY_OF_ANOTHER_ENGINE(231),

    COMMAND_UNKNOWN_ENGINE(301),
    DROP_NEEDS_YES(302),
    ENGINES_DOWN(303),
    SHELL_FAILED(304),
    H2_DATABASE_IN_USE(330),
    MIGRATION_FAILED(310),
    MIGRATIONS_INVALID(311),
    NO_MIGRATIONS(312),
    DUPLICATE_MIGRATION_VERSION(313),
    REVISION_FOLDER_MISSING(314),
    REVISION_NEEDS_SCRATCH_DATABASE(315),
    REVISION_UNSUPPORTED_DATABASE(316),
    MIGRATION_COMMAND_FAILED(317),
    REVISION_MESSAGE_INVALID(318),
    NO_ENGINE_HAS_MIGRATIONS(319),

    STARTED_WITHOUT_DATABASE(401),
    CANNOT_DETERMINE_DATABASE(402),
    CONNECTION_AGE_ABOVE_WAIT_TIMEOUT(403),
    DATABASE_UNAVAILABLE(404),
    ENGINE_DOWN(405),
    ENGINE_STILL_DOWN(406),
    ENGINE_BACK(407),
    CONNECTIONS_BROKE(408),
    STATEMENT_TIMED_OUT(409),
    NO_CONNECTION_IN_TIME(410),

    STARTUP_MIGRATION_FAILED(440),
    PENDING_MIGRATIONS_AT_STARTUP(441),
    READS_ON_PRIMARY(450),
    REPLICA_DOWN(451),
    READ_ONLY_NOT_ENFORCED(452),
    VALUE_REFUSED(460),
    CONSTRAINT_CONFLICT(461);

    private static final Set<Message> PRODUCED = java.util.Collections.synchronizedSet(EnumSet.noneOf(Message.class));

    private final String id;

    Message(int number) {
        this.id = "HL" + number;
    }

    /** @return the stable id, {@code HL101} */
    public String id() {
        return id;
    }

    /**
     * @param text what happened, where, and the fix
     * @return the message as users see it: {@code HL101: text}
     */
    public String format(String text) {
        PRODUCED.add(this);
        return id + ": " + text;
    }

    /**
     * The messages formatted in this JVM so far: the project's tests check that each id is
     * produced by at least one test.
     *
     * @return a copy of the set
     */
    public static Set<Message> produced() {
        synchronized (PRODUCED) {
            return PRODUCED.isEmpty() ? EnumSet.noneOf(Message.class) : EnumSet.copyOf(PRODUCED);
        }
    }
}
