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

    private TestIsolationExtension(Supplier<? extends HibernateLite<?>> bundle) {
        this.bundle = bundle;
    }

    /**
     * @param bundle gives the running application's bundle (asked before each test, when the
     *        application is running)
     * @return the extension
     */
    public static TestIsolationExtension of(Supplier<? extends HibernateLite<?>> bundle) {
        return new TestIsolationExtension(requireNonNull(bundle, "bundle"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HibernateLite<?> db = requireNonNull(bundle.get(), "the supplier gave no bundle; is the application running?");
        context.getStore(NAMESPACE).put(TestIsolation.class, TestIsolation.open(db));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestIsolation isolation = context.getStore(NAMESPACE).remove(TestIsolation.class, TestIsolation.class);
        if (isolation != null) {
            isolation.close();
        }
    }
}
