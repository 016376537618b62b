package dev.hibernatelite.internal.message;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The texts of the {@link Message} catalogue. Every message names what is wrong, where (the
 * engine, the YAML path), and the fix. None contains a password: URLs pass through
 * {@link Secrets#mask(String)}.
 *
 * <p>Internal: not part of the public API.
 */
public final class Messages {
    private Messages() {
    }

    private static String known(Collection<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }

    // ---- HL1xx: configuration ------------------------------------------------------------

    public static String enginesMissing(String path) {
        return Message.ENGINES_MISSING.format(path + " is missing. Add it to the configuration file with at least a default"
                + " engine, for example:\n      " + path + ":\n        default: jdbc:h2:./data/app");
    }

    public static String enginesEmpty(String path) {
        return Message.ENGINES_EMPTY.format(path + " has no engines. Add at least a default engine, for example"
                + " '" + path + ": {default: jdbc:h2:./data/app}'.");
    }

    public static String defaultMissing(String path, Collection<String> present) {
        return Message.DEFAULT_ENGINE_MISSING.format(path + ".default is missing (engines present: " + known(present) + ")."
                + " Add a default engine, or build the bundle with .noDefaultEngine() and bind every"
                + " entity to a named engine.");
    }

    public static String engineEmpty(String enginePath) {
        return Message.ENGINE_EMPTY.format(enginePath + " has no value. Give it a JDBC URL ('" + enginePath.substring(
                enginePath.lastIndexOf('.') + 1) + ": jdbc:postgresql://host:5432/db') or an object with a url field.");
    }

    public static String urlMissing(String enginePath) {
        return Message.URL_MISSING.format(enginePath + ".url is missing or blank. Set it to a JDBC URL such as"
                + " jdbc:postgresql://127.0.0.1:5432/app or jdbc:h2:./data/app.");
    }

    /**
     * @param suggestion the JDBC URL the user probably meant (already masked), or null
     * @param hasUserInfo whether the URL has a {@code user:password@} part
     */
    public static String urlNotJdbc(String enginePath, String url, String suggestion, boolean hasUserInfo) {
        String hint = suggestion == null ? "" : " Did you mean '" + suggestion + "'?" + (hasUserInfo
                ? " Put the user and password in " + enginePath + ".user and " + enginePath + ".password." : "");
        return Message.URL_NOT_JDBC.format(enginePath + ".url '" + Secrets.mask(url) + "' is not a JDBC URL: it must"
                + " start with 'jdbc:' and the database's name, for example jdbc:postgresql://127.0.0.1:5432/app."
                + hint);
    }

    /**
     * @param database the database the URL names, as users know it, or null when it is not one the bundle knows
     * @param driverArtifact the Maven coordinates of its usual driver, or null
     */
    public static String noDriverAccepts(String enginePath, String url, String database, String driverArtifact) {
        String fix = driverArtifact != null
                ? " Add the " + database + " driver (" + driverArtifact + ") to the"
                    + " application's dependencies, or set " + enginePath + ".driverClass."
                : " Add the database's JDBC driver to the application's dependencies and set "
                    + enginePath + ".driverClass.";
        return Message.NO_DRIVER_ACCEPTS_URL.format(enginePath + ".url '" + Secrets.mask(url) + "': no JDBC driver on the"
                + " classpath accepts this URL." + fix);
    }

    /**
     * @param database the database the URL names, as users know it
     * @param urlForm the shape of a valid URL for it
     */
    public static String urlMalformed(String enginePath, String url, String database, String urlForm,
                                      String driverClass) {
        return Message.URL_MALFORMED.format(enginePath + ".url '" + Secrets.mask(url) + "' is malformed: the "
                + database + " driver (" + driverClass + ") rejects it. The form is " + urlForm + ".");
    }

    /**
     * @param database the database the URL names, or null when the bundle does not know it
     * @param usualDriverClass its usual driver class, or null
     * @param driverArtifact that driver's Maven coordinates, or null
     */
    public static String driverClassNotFound(String enginePath, String driverClass, String database,
                                             String usualDriverClass, String driverArtifact) {
        String fix = usualDriverClass != null
                ? " For " + database + " the class is " + usualDriverClass + " in "
                    + driverArtifact + "; or remove driverClass to find the driver from the URL."
                : " Check the name, and add the driver's jar to the application's dependencies.";
        return Message.DRIVER_CLASS_NOT_FOUND.format(enginePath + ".driverClass '" + driverClass
                + "' is not on the classpath." + fix);
    }

    public static String driverClassNotDriver(String enginePath, String driverClass) {
        return Message.DRIVER_CLASS_NOT_A_DRIVER.format(enginePath + ".driverClass '" + driverClass + "' is not a java.sql.Driver."
                + " Name the driver class (for PostgreSQL org.postgresql.Driver), not a DataSource.");
    }

    public static String driverRejectsUrl(String enginePath, String driverClass, String url) {
        return Message.DRIVER_REJECTS_URL.format(enginePath + ".driverClass '" + driverClass + "' does not accept the URL '"
                + Secrets.mask(url) + "'. Fix the URL, or name the driver for this database.");
    }

    public static String sizeTooSmall(String fieldPath, int value, int minimum, String defaultValue) {
        return Message.SIZE_TOO_SMALL.format(fieldPath + " is " + value + " but must be at least " + minimum
                + " (default " + defaultValue + ").");
    }

    public static String minAboveMax(String enginePath, int min, int max) {
        return Message.MIN_SIZE_ABOVE_MAX_SIZE.format(enginePath + ".minSize (" + min + ") is larger than " + enginePath + ".maxSize ("
                + max + "). Lower minSize or raise maxSize; leave minSize out to keep the pool at maxSize.");
    }

    public static String durationTooShort(String fieldPath, Object value, String minimum, String defaultValue) {
        return Message.DURATION_TOO_SHORT.format(fieldPath + " is " + value + " but must be at least " + minimum
                + " (default " + defaultValue + ").");
    }

    public static String validationNotBelowWait(String enginePath, Object validation, Object wait) {
        return Message.VALIDATION_NOT_BELOW_WAIT.format(enginePath + ".validationQueryTimeout (" + validation + ") must be shorter than "
                + enginePath + ".maxWaitForConnection (" + wait + "): a check that outlasts the wait can"
                + " never succeed in time. Lower the one or raise the other.");
    }

    public static String entityOnUnknownEngine(String entity, String engine, String path, Collection<String> known) {
        return Message.ENTITY_ON_UNKNOWN_ENGINE.format("entity " + entity + " is bound to engine '" + engine + "', but " + path + " has no such"
                + " engine (known: " + known(known) + ")." + Suggestions.didYouMean(engine, known)
                + " Add " + path + "." + engine + " to the configuration, or bind the entity to a known engine.");
    }

    public static String entityBoundTwice(String entity, String first, String second) {
        return Message.ENTITY_BOUND_TWICE.format("entity " + entity + " is bound to engine '" + first + "' and again to '" + second
                + "'. An entity belongs to one engine: remove one of the bindings.");
    }

    public static String notAnEntity(String type) {
        return Message.NOT_AN_ENTITY.format(type + " is not annotated with @jakarta.persistence.Entity, so Hibernate cannot map it."
                + " Annotate it, or do not bind it.");
    }

    public static String noEntitiesInPackage(String pkg, String engine) {
        return Message.NO_ENTITIES_IN_PACKAGE.format("package " + pkg + " (scanned for engine '" + engine + "') holds no @Entity classes."
                + " Check the package name.");
    }

    public static String invalidConfiguration(int count) {
        return "Invalid database configuration (" + count + (count == 1 ? " problem" : " problems") + "):";
    }

    public static String hibernateRejectsEntities(String engine, String enginePath, String cause) {
        return Message.HIBERNATE_REJECTS_ENGINE.format(enginePath + ": Hibernate could not start engine '" + engine
                + "' with its entities and properties: " + cause + ". Check " + enginePath + ".properties and the"
                + " mapping annotations of the entities bound to '" + engine + "'.");
    }

    public static String engineNameInvalid(String engine, String path) {
        return Message.ENGINE_NAME_INVALID.format(path + " has an engine named '" + engine + "'. Engine names must be non-blank"
                + " and must not contain '.', so that " + path + ".<name>.<field> names one field.");
    }

    public static String enginesNotDeclared() {
        return Message.ENGINES_NOT_DECLARED.format("the bundle does not know where its engines are configured."
                + " Call .engines(YourConfig::getEngines) on HibernateLite.builder().");
    }

    public static String asyncEngineEmpty(String enginePath) {
        return Message.ASYNC_ENGINE_EMPTY.format(enginePath + " has no value. Give it a database URL ('"
                + enginePath.substring(enginePath.lastIndexOf('.') + 1)
                + ": postgresql://host:5432/db') or an object with a url field.");
    }

    public static String asyncUrlMissing(String enginePath) {
        return Message.ASYNC_URL_MISSING.format(enginePath + ".url is missing or blank. Set it to a database URL such as"
                + " postgresql://127.0.0.1:5432/app or mariadb://127.0.0.1:3306/app.");
    }

    public static String asyncUrlUnsupported(String enginePath, String url) {
        return Message.ASYNC_URL_UNSUPPORTED.format(enginePath + ".url '" + Secrets.mask(url) + "' is not a URL Hibernate Reactive can use:"
                + " it must start with postgresql://, mysql://, mariadb://, cockroachdb://, db2://, sqlserver:// or"
                + " oracle: (a jdbc: prefix is allowed), for example postgresql://127.0.0.1:5432/app.");
    }

    public static String asyncClientMissing(String enginePath, String scheme, String artifact) {
        return Message.ASYNC_CLIENT_MISSING.format(enginePath + ".url is a " + scheme + " URL, but the Vert.x client for it is not on the"
                + " classpath. Add " + artifact + " to the application's dependencies.");
    }

    public static String asyncNotOnClassPath(String enginePath, String scheme) {
        String client = scheme != null && (scheme.startsWith("mysql") || scheme.startsWith("mariadb"))
                ? "io.vertx:vertx-mysql-client:" + Versions.VERTX
                : "io.vertx:vertx-pg-client:" + Versions.VERTX + " and com.ongres.scram:client:" + Versions.SCRAM;
        return Message.ASYNC_NOT_ON_CLASS_PATH.format(enginePath + " is an async engine, but Hibernate Reactive is"
                + " not on the class path (the bundle keeps it optional, so that applications with only sync engines"
                + " do not carry it). Add org.hibernate.reactive:hibernate-reactive-core:" + Versions.HIBERNATE_REACTIVE
                + " and " + client + " to the application's dependencies, or remove " + enginePath + ".");
    }

    public static String asyncUrlMalformed(String enginePath, String url, String problem) {
        return Message.ASYNC_URL_MALFORMED.format(enginePath + ".url '" + Secrets.mask(url) + "' is malformed (" + problem + "). The form is"
                + " postgresql://[user[:password]@]host[:port]/database[?parameters].");
    }

    // ---- HL2xx: sessions and contexts ----------------------------------------------------

    public static String noContext(String call) {
        return Message.NO_CONTEXT.format(call + " was called outside a database context on thread '"
                + Thread.currentThread().getName() + "'. A context is open during each request (from request"
                + " filters through the resource method) and during db commands. Elsewhere, open one:"
                + " try (var ctx = db.context()) { ... }. On another thread of a request (CompletionStage,"
                + " @Suspended), capture it first with var ctx = db.currentContext() and call ctx.session() there.");
    }

    public static String contextClosed(String call, String description) {
        return Message.CONTEXT_CLOSED.format(call + " was called on a context that has ended (" + description + "). Its sessions"
                + " are closed and their uncommitted work rolled back. Do the work before the request completes,"
                + " or open a new context with db.context().");
    }

    public static String unknownEngine(String engine, Collection<String> known) {
        return Message.UNKNOWN_ENGINE.format("there is no engine named '" + engine + "' (known: " + known(known) + ")."
                + Suggestions.didYouMean(engine, known));
    }

    public static String noDefaultEngine(String call, Collection<String> engines, boolean asyncDefault) {
        String fix;
        if (asyncDefault) {
            fix = " The default engine is an async engine: use db.async().session() or db.async().sessionFactory().";
        } else if (engines.isEmpty()) {
            fix = " The application configures no engine under engines:; sync sessions need one.";
        } else {
            fix = " Name the engine: " + call.replaceFirst("\\(\\)$", "") + "(\"" + new TreeSet<>(engines).first() + "\").";
        }
        return Message.NO_DEFAULT_ENGINE.format(call + " needs the default engine, but there is no engine named 'default'"
                + " under engines: (engines: " + (engines.isEmpty() ? "none" : known(engines)) + ")." + fix);
    }

    public static String noDefaultAsyncEngine(String call, Collection<String> asyncEngines, boolean syncDefault) {
        String fix = syncDefault
                ? " The default engine is a sync engine: use db.session() or db.sessionFactory()."
                : " Name the async engine: " + call.replaceFirst("\\(\\)$", "") + "(\"" + new TreeSet<>(asyncEngines).first()
                + "\").";
        return Message.NO_DEFAULT_ENGINE.format(call + " needs the default async engine, but there is no engine named"
                + " 'default' under asyncEngines: (async engines: " + known(asyncEngines) + ")." + fix);
    }

    public static String notStarted(String call) {
        return Message.NOT_STARTED.format(call + " was called before the bundle ran. Engines are built when Dropwizard runs the"
                + " bundle (before Application.run); add the bundle in initialize() with bootstrap.addBundle(db),"
                + " and use the database from run() onwards.");
    }

    public static String stopped(String call) {
        return Message.STOPPED.format(call + " was called after the application stopped and its engines were closed.");
    }

    public static String noAsyncEngines(String call) {
        return Message.NO_ASYNC_ENGINES.format(call + " needs an async engine, but none is configured. Add an asyncEngines: section"
                + " (for example 'asyncEngines: {default: postgresql://127.0.0.1:5432/app}'), declare it with"
                + " .asyncEngines(YourConfig::getAsyncEngines) on the bundle's builder, and add"
                + " org.hibernate.reactive:hibernate-reactive-core:" + Versions.HIBERNATE_REACTIVE + " with the Vert.x"
                + " client of the database (io.vertx:vertx-pg-client:" + Versions.VERTX + ") to the dependencies.");
    }

    public static String asyncSessionInUse(String engine) {
        return Message.ASYNC_SESSION_IN_USE.format("the async session of engine '" + engine + "' in this context is already running an operation."
                + " A reactive session is not safe across concurrent tasks (Uni.combine(), parallel subscriptions):"
                + " give each task its own with db.async().sessionFactory(\"" + engine + "\").withSession(...), or chain the"
                + " operations one after another.");
    }

    public static String alreadyIsolated(String engine) {
        return Message.ALREADY_ISOLATED.format("engine '" + engine + "' is already in a test isolation. Close the first TestIsolation.open(db)"
                + " before opening another (one per test).");
    }

    public static String isolatedConnectionBusy(String engine, long waitMillis) {
        return Message.ISOLATED_CONNECTION_BUSY.format("engine '" + engine + "' is in a test isolation, which serves one connection, and another"
                + " thread held it for more than " + waitMillis + " ms. Work that runs concurrently inside a test"
                + " isolation takes turns on that connection; make sure every session is closed (or its context"
                + " ended) before the next one needs the database.");
    }

    // ---- HL3xx: commands -----------------------------------------------------------------

    public static String commandUnknownEngine(String engine, Collection<String> known) {
        return Message.COMMAND_UNKNOWN_ENGINE.format("--engine " + engine + ": there is no such engine (known: " + known(known) + ")."
                + Suggestions.didYouMean(engine, known));
    }

    public static String dropNeedsYes(String engineHeader, String tables) {
        return Message.DROP_NEEDS_YES.format(engineHeader + "would drop " + tables + ". Nothing was dropped: add --yes to drop them.");
    }

    public static String enginesDown(int down, int total, Collection<String> names) {
        return Message.ENGINES_DOWN.format(down + " of " + total + (total == 1 ? " engine is" : " engines are") + " down: "
                + String.join(", ", names) + ". See the STATUS column for each database's own error.");
    }

    public static String shellFailed(int status) {
        return Message.SHELL_FAILED.format("JShell ended with status " + status + " (see its message above;"
                + " '/exit " + status + "' in the shell also ends it so). If it could not start, db shell needs a JDK"
                + " (the jdk.jshell module), not a JRE.");
    }

    // ---- HL4xx: engines at run time ------------------------------------------------------

    public static String startedWithoutDatabase(String engine, String url, String cause) {
        return Message.STARTED_WITHOUT_DATABASE.format("engine '" + engine + "' could not reach its database at startup (" + Secrets.mask(url)
                + "): " + cause + ". The application starts anyway; requests that need this engine fail"
                + " until the database answers, and its health check reports it.");
    }

    public static String cannotDetermineDatabase(String engine, String enginePath, String url) {
        return Message.CANNOT_DETERMINE_DATABASE.format("engine '" + engine + "' could not reach its database at startup (" + Secrets.mask(url)
                + ") and its URL does not say which database it is, so Hibernate cannot choose a dialect."
                + " Set " + enginePath + ".properties.hibernate.dialect to the dialect class.");
    }

    public static String databaseUnavailable(String engine) {
        return "The database" + (engine == null ? "" : " of engine '" + engine + "'")
                + " is unavailable. Try again later.";
    }

    public static String databaseUnavailableLog(String engine, String cause) {
        return Message.DATABASE_UNAVAILABLE.format("a request failed because the database" + (engine == null ? "" : " of engine '" + engine + "'")
                + " was unavailable (no connection within maxWaitForConnection, or the connection broke); answered"
                + " 503. Cause: " + cause);
    }

    public static String connectionAgeAboveWaitTimeout(String engine, String enginePath, Object age,
                                                       long waitTimeoutSeconds) {
        return Message.CONNECTION_AGE_ABOVE_WAIT_TIMEOUT.format("engine '" + engine + "': " + enginePath
                + ".maxConnectionAge (" + age
                + ") is not below the server's wait_timeout (" + waitTimeoutSeconds + "s): the server will close"
                + " idle pooled connections first and requests will get dead connections. Set maxConnectionAge"
                + " below " + waitTimeoutSeconds + "s, or leave it out to have it chosen for you.");
    }
}
