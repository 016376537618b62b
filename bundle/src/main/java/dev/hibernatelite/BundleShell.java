package dev.hibernatelite;

import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.internal.command.ShellHost;
import dev.hibernatelite.internal.context.ContextSessions;
import dev.hibernatelite.internal.engine.Engines;
import io.dropwizard.core.Configuration;

/**
 * Runs a bundle's engines for {@code db shell}: no server, and one context visible to every
 * thread, because JShell runs each snippet on a thread of its own.
 *
 * @param <C> the application's configuration type
 */
final class BundleShell<C extends Configuration> implements ShellHost<C> {
    private final HibernateLite<C> bundle;

    BundleShell(HibernateLite<C> bundle) {
        this.bundle = bundle;
    }

    @Override
    public AutoCloseable startForShell(C configuration, MetricRegistry metrics, String defaultEngine) {
        Engines started = bundle.setup().start(configuration, metrics, null, true);
        bundle.engines = started;
        bundle.stopped = false;
        ContextSessions context = new ContextSessions(started, "db shell", null, defaultEngine);
        bundle.binding.share(context);
        return () -> {
            bundle.binding.share(null);
            context.close();
            bundle.stopped = true;
            started.close();
        };
    }

    @Override
    public Object bundle() {
        return bundle;
    }
}
