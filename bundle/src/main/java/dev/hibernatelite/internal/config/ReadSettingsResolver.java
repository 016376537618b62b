package dev.hibernatelite.internal.config;

import dev.hibernatelite.EngineFactory;
import dev.hibernatelite.internal.message.Messages;
import dev.hibernatelite.internal.message.ReadMessages;
import dev.hibernatelite.internal.message.Secrets;
import io.dropwizard.util.Duration;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Validates the read side of an engine's YAML ({@code replicas}, {@code maxReplicaLag},
 * {@code readMaxSize}, {@code pgbouncer}) into {@link ReadSettings}, collecting every problem.
 *
 * <p>Internal: not part of the public API.
 */
final class ReadSettingsResolver {
    private static final long MIN_LAG_MILLIS = 100;

    private ReadSettingsResolver() {
    }

    /**
     * @param path the engine's YAML path
     * @param factory the engine as written
     * @param vendor the primary's database
     * @param driverClass the primary's driver, or null when it could not be found
     * @param maxSize the primary pool's size, the default of {@code readMaxSize}
     * @param problems where problems are added
     * @return the read settings (replicas with problems left out)
     */
    static ReadSettings resolve(String path, EngineFactory factory, DatabaseVendor vendor, String driverClass,
                                int maxSize, List<String> problems) {
        if (factory.isPgbouncer() && vendor != DatabaseVendor.POSTGRESQL && vendor != DatabaseVendor.OTHER
                && driverClass != null) {
            problems.add(ReadMessages.pgbouncerNeedsPostgresql(path, vendor.displayName()));
        }
        Duration lag = factory.getMaxReplicaLag().orElse(EngineFactory.DEFAULT_MAX_REPLICA_LAG);
        if (lag.toMilliseconds() < MIN_LAG_MILLIS) {
            problems.add(Messages.durationTooShort(path + ".maxReplicaLag", lag, "100ms",
                    EngineFactory.DEFAULT_MAX_REPLICA_LAG.toString()));
        }
        int readMaxSize = factory.getReadMaxSize().orElse(Math.max(1, maxSize));
        if (readMaxSize < 1) {
            problems.add(Messages.sizeTooSmall(path + ".readMaxSize", readMaxSize, 1, "the same as maxSize"));
        }
        List<ReadSettings.ReplicaSettings> replicas = new ArrayList<>();
        List<String> urls = factory.getReplicas();
        for (int i = 0; i < urls.size(); i++) {
            String replicaPath = path + ".replicas[" + i + "]";
            String url = urls.get(i) == null ? "" : urls.get(i).trim();
            if (checkReplica(replicaPath, path, url, vendor, driverClass, problems)) {
                JdbcUrls.UrlAndPassword split = factory.getPassword().isPresent()
                        ? new JdbcUrls.UrlAndPassword(url, null) : JdbcUrls.takePassword(url);
                replicas.add(new ReadSettings.ReplicaSettings("replica-" + (i + 1), replicaPath, split.url(), url,
                        split.password()));
            }
        }
        return new ReadSettings(List.copyOf(replicas), lag.toMilliseconds(), readMaxSize);
    }

    private static boolean checkReplica(String replicaPath, String enginePath, String url, DatabaseVendor vendor,
                                        String driverClass, List<String> problems) {
        if (!url.regionMatches(true, 0, "jdbc:", 0, 5) || url.length() == 5) {
            problems.add(ReadMessages.replicaUrlInvalid(replicaPath, url, "is not a JDBC URL."));
            return false;
        }
        DatabaseVendor replicaVendor = JdbcUrls.vendorOf(url);
        if (replicaVendor != vendor) {
            problems.add(ReadMessages.replicaOfAnotherDatabase(replicaPath, url, replicaVendor.displayName(),
                    enginePath, vendor.displayName()));
            return false;
        }
        if (driverClass == null) {
            return false;
        }
        try {
            Driver driver = (Driver) Class.forName(driverClass, true, classLoader()).getDeclaredConstructor().newInstance();
            String shape = Secrets.mask(url);
            if (!driver.acceptsURL(shape)) {
                problems.add(ReadMessages.replicaUrlInvalid(replicaPath, url, "is not accepted by the engine's driver ("
                        + driverClass + ")."));
                return false;
            }
            driver.getPropertyInfo(shape, new Properties());
            return true;
        } catch (SQLException malformed) {
            problems.add(ReadMessages.replicaUrlInvalid(replicaPath, url, "is malformed (" + malformed.getMessage()
                    + ")."));
            return false;
        } catch (ReflectiveOperationException | RuntimeException cannotTell) {
            return true;
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ReadSettingsResolver.class.getClassLoader();
    }
}
