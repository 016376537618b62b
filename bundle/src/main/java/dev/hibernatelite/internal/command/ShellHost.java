package dev.hibernatelite.internal.command;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.Configuration;

/**
 * What {@code db shell} needs from the bundle: to start its engines without a server, with one
 * context shared by every thread (JShell runs each snippet on a thread of its own), and the
 * object the shell's {@code db} names.
 *
 * <p>Internal: not part of the public API.
 *
 * @param <C> the application's configuration type
 */
public interface ShellHost<C extends Configuration> {
    /**
     * @param configuration the application's configuration
     * @param metrics the registry pools report to
     * @param defaultEngine the engine {@code db.session()} uses in the shell
     * @return what ends the shell's context and closes the engines
     */
    AutoCloseable startForShell(C configuration, MetricRegistry metrics, String defaultEngine);

    /** @return the bundle, which the shell binds to {@code db} */
    Object bundle();
}
