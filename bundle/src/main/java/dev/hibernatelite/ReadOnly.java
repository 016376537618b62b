package dev.hibernatelite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Read-only work, in one round trip per query: on a resource method (or a resource class, for
 * all its methods), every session the request opens after its method is matched is a read-only
 * session. {@link HibernateLite#readOnlyContext()} is the same outside requests.
 *
 * <p>A read-only session runs each statement on its own, in auto-commit: no {@code BEGIN},
 * {@code COMMIT} or {@code ROLLBACK} on the wire. It is a Hibernate read-only session with
 * flushing off (no snapshots, no dirty checking), on a connection the database itself holds
 * read-only (PostgreSQL, MariaDB, MySQL), taken from one of the engine's {@code replicas} when
 * one can serve, else from the primary. {@code db.commit()} on it is refused ({@code HL240}): a
 * write can never be committed behind anyone's back.
 *
 * <p>This loses nothing at PostgreSQL's default isolation, READ COMMITTED, where every statement
 * takes a fresh snapshot, inside a transaction or not. Work that needs one snapshot across
 * statements (REPEATABLE READ), or locks ({@code SELECT ... FOR UPDATE}), stays on the
 * transactional path: leave this annotation off. See {@code docs/sessions.md}.
 *
 * <p>It cannot be combined with {@link CommitOnSuccess}: startup fails ({@code HL241}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ReadOnly {
}
