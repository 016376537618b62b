package dev.hibernatelite.testing;

import dev.hibernatelite.HibernateLite;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Undoes each test's database work: opens a {@link TestIsolation} before every
 * test and closes it after, so that rows a test writes (through HTTP calls to the application
 * too) are gone in the next one, and rows it deletes are back. Register it after the
 * application's extension, as an instance field:
 *
 * <pre>{@code
 * @RegisterExtension @Order(1)
 * static final DropwizardAppExtension<BlogConfig> APP = ...;
 *
 * @RegisterExtension
 * final TestIsolationExtension isolation = TestIsolationExtension.of(() -> APP.<BlogApp>getApplication().db());
 * }</pre>
 */
public final class TestIsolationExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestIsolationExtension.class);

    private final Supplier<? extends HibernateLite<?>> bundle;
    // the database each test gets a fresh copy of, or null for the rollback isolation
    private final TestDatabase freshDatabase;

    private TestIsolationExtension(Supplier<? extends HibernateLite<?>> bundle, TestDatabase freshDatabase) {
        this.bundle = bundle;
        this.freshDatabase = freshDatabase;
    }

    /**
     * @param bundle gives the running application's bundle (asked before each test, when the
     *        application is running)
     * @return the extension
     */
    public static TestIsolationExtension of(Supplier<? extends HibernateLite<?>> bundle) {
        return new TestIsolationExtension(requireNonNull(bundle, "bundle"), null);
    }

    /**
     * The other strategy: each test on a fresh copy of the database, made from a template
     * ({@link TestIsolation#openFreshDatabase}), instead of each test's work rolled back. For
     * tests whose sync and async engines share a database and must see each other's commits.
     *
     * @param database the PostgreSQL test database the application uses
     * @return an extension that gives each test a fresh copy of it
     */
    public TestIsolationExtension withFreshDatabase(TestDatabase database) {
        return new TestIsolationExtension(bundle, requireNonNull(database, "database"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HibernateLite<?> db = requireNonNull(bundle.get(), "the supplier gave no bundle; is the application running?");
        context.getStore(NAMESPACE).put(TestIsolation.class,
                freshDatabase == null ? TestIsolation.open(db) : TestIsolation.openFreshDatabase(db, freshDatabase));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestIsolation isolation = context.getStore(NAMESPACE).remove(TestIsolation.class, TestIsolation.class);
        if (isolation != null) {
            isolation.close();
        }
    }
}
