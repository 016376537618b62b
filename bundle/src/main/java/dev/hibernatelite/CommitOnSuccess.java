package dev.hibernatelite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Dropwizard's {@code @UnitOfWork} habit, for those who want it: on a resource method (or on a
 * resource class, for all its methods) every session the request opened is committed when the
 * method returns normally (for a {@code CompletionStage}, when it completes normally), and
 * rolled back when it throws, a {@code WebApplicationException} such as the
 * {@code NotFoundException} of {@link HibernateLite#getOr404} included.
 *
 * <p>The commit happens before the response is written, so a commit that fails (a constraint
 * violated at flush) becomes an error response, not a success that was not saved. Sessions
 * stay open until the response is written, so lazy associations still serialise.
 *
 * <p>Without this annotation nothing is committed unless the code calls
 * {@link HibernateLite#commit()}: flask-sqlalchemy-lite's rule.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CommitOnSuccess {
}
