package dev.hibernatelite.internal.health;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.hibernatelite.internal.engine.SyncEngine;
import org.hibernate.stat.Statistics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Hibernate's statistics of one engine as gauges, named
 * {@code hibernate-lite.<engine>.hibernate.<statistic>}, next to the pool's
 * {@code hibernate-lite.<engine>.pool.*}. Registered only when statistics are on (the
 * default; {@code hibernate.generate_statistics: "false"} in the engine's properties turns
 * them off) and removed when the engine closes.
 *
 * <p>Internal: not part of the public API.
 */
public final class HibernateStatisticsMetrics {
    private static final Map<String, ToLongFunction<Statistics>> STATISTICS = new LinkedHashMap<>();

    static {
        STATISTICS.put("sessionsOpened", Statistics::getSessionOpenCount);
        STATISTICS.put("sessionsClosed", Statistics::getSessionCloseCount);
        STATISTICS.put("transactions", Statistics::getTransactionCount);
        STATISTICS.put("successfulTransactions", Statistics::getSuccessfulTransactionCount);
        STATISTICS.put("connectionsObtained", Statistics::getConnectCount);
        STATISTICS.put("statementsPrepared", Statistics::getPrepareStatementCount);
        STATISTICS.put("flushes", Statistics::getFlushCount);
        STATISTICS.put("queries", Statistics::getQueryExecutionCount);
        STATISTICS.put("slowestQueryMillis", Statistics::getQueryExecutionMaxTime);
        STATISTICS.put("entityLoads", Statistics::getEntityLoadCount);
        STATISTICS.put("entityFetches", Statistics::getEntityFetchCount);
        STATISTICS.put("entityInserts", Statistics::getEntityInsertCount);
        STATISTICS.put("entityUpdates", Statistics::getEntityUpdateCount);
        STATISTICS.put("entityDeletes", Statistics::getEntityDeleteCount);
        STATISTICS.put("collectionLoads", Statistics::getCollectionLoadCount);
        STATISTICS.put("optimisticFailures", Statistics::getOptimisticFailureCount);
    }

    private HibernateStatisticsMetrics() {
    }

    /** @return the prefix of an engine's Hibernate metrics */
    public static String prefix(SyncEngine engine) {
        return "hibernate-lite." + engine.name() + ".hibernate.";
    }

    /**
     * @param engine the engine
     * @param metrics the application's registry
     */
    public static void register(SyncEngine engine, MetricRegistry metrics) {
        Statistics statistics = engine.sessionFactory().getStatistics();
        if (!statistics.isStatisticsEnabled()) {
            return;
        }
        String prefix = prefix(engine);
        STATISTICS.forEach((name, read) ->
                metrics.register(prefix + name, (Gauge<Long>) () -> read.applyAsLong(statistics)));
    }

    /**
     * @param engine the engine
     * @param metrics the application's registry
     */
    public static void remove(SyncEngine engine, MetricRegistry metrics) {
        String prefix = prefix(engine);
        metrics.removeMatching((name, metric) -> name.startsWith(prefix));
    }
}
