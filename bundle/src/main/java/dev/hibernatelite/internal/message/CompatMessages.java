package dev.hibernatelite.internal.message;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The texts of the catalogue's messages about the dropwizard-hibernate drop-in
 * ({@code getCurrentSession()}, {@code @UnitOfWork}) and about bundles that collide in one
 * application.
 *
 * <p>Internal: not part of the public API.
 */
public final class CompatMessages {
    private CompatMessages() {
    }

    private static String known(Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names));
    }

    public static String currentSessionOutsideContext(String engine) {
        return Message.CURRENT_SESSION_OUTSIDE_CONTEXT.format("sessionFactory.getCurrentSession() on engine '" + engine
                + "' was called outside a database context on thread '" + Thread.currentThread().getName()
                + "'. The current session is the context's session of that engine: a context is open during each"
                + " request (so an AbstractDAO works in any resource method, with or without @UnitOfWork) and during"
                + " db commands. Elsewhere (a scheduled job, startup code, a test), open one around the work:"
                + " try (var ctx = db.context()) { dao.save(...); db.commit(); }, or create the object with"
                + " dropwizard-hibernate's UnitOfWorkAwareProxyFactory(\"" + engine + "\", db.sessionFactory(\"" + engine
                + "\")).");
    }

    public static String currentSessionNotServed(String engine) {
        return Message.CURRENT_SESSION_NOT_SERVED.format("sessionFactory.getCurrentSession() was called on a session"
                + " factory of engine '" + engine + "' that serves no contexts: the application stopped, or the"
                + " engine was started for a db command only. Use the session factory of the running application"
                + " (db.sessionFactory(\"" + engine + "\")) while it runs.");
    }

    public static String unitOfWorkUnknownEngine(String method, String value, Collection<String> engines) {
        String fix = engines.size() > 1 && "hibernate".equals(value)
                ? " @UnitOfWork without a value means dropwizard-hibernate's 'hibernate' bundle: the bundle maps it to"
                + " the engine named 'default', or to the only engine when there is one; this application has several"
                + " and none named 'default'. Name the engine: @UnitOfWork(\"" + new TreeSet<>(engines).first() + "\")."
                : " Name one of the engines under engines: in @UnitOfWork(\"...\")." + Suggestions.didYouMean(value,
                engines);
        return Message.UNIT_OF_WORK_UNKNOWN_ENGINE.format(method + " is annotated @UnitOfWork(\"" + value
                + "\"), but there is no engine named '" + value + "' (engines: " + known(engines) + ")." + fix);
    }

    public static String unitOfWorkMixed(String method, String other) {
        return Message.UNIT_OF_WORK_MIXED.format(method + " is annotated (or its class is) with both @UnitOfWork and "
                + other + ": they decide the same things (when to commit, whether sessions are read-only). Keep"
                + " @UnitOfWork (readOnly = true for read-only work) or the bundle's annotation, not both.");
    }

    public static String bundleAddedTwice(String bundle) {
        return Message.BUNDLE_ADDED_TWICE.format(bundle + " was added to the application twice (bootstrap.addBundle"
                + " called twice with the same bundle). One bundle serves every engine: add it once.");
    }

    public static String engineNamesClaimedTwice(String first, String second, Collection<String> names) {
        return Message.ENGINE_NAMES_CLAIMED_TWICE.format("two bundles of the application configure the same engine"
                + " names (" + known(names) + "): " + first + " and " + second + ". Engine names are the names of"
                + " their health checks and metrics, so each must belong to one bundle. One bundle serves every"
                + " engine: configure all of them under one engines: map (and asyncEngines:), or give the engines"
                + " of the second bundle other names.");
    }

    public static String commandNameClaimedTwice(String first, String second, String command) {
        return Message.COMMAND_NAME_CLAIMED_TWICE.format("two bundles of the application add the command '" + command
                + "': " + first + " and " + second + ". One bundle serves every engine; if you need two, build the"
                + " second with .commandName(\"" + command + "2\") (or another name).");
    }
}
