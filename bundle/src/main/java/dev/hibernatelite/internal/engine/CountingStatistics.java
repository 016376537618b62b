package dev.hibernatelite.internal.engine;

import org.hibernate.metamodel.model.domain.NavigableRole;
import org.hibernate.stat.CacheRegionStatistics;
import org.hibernate.stat.CollectionStatistics;
import org.hibernate.stat.EntityStatistics;
import org.hibernate.stat.NaturalIdStatistics;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.spi.StatisticsFactory;
import org.hibernate.stat.spi.StatisticsImplementor;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hibernate's statistics as the bundle publishes them: the counters of its metrics
 * ({@code hibernate-lite.<engine>.hibernate.*}), each a {@link LongAdder}, and nothing else.
 * Hibernate's own implementation also keeps statistics per entity, per collection and per query
 * string (map lookups and locks on every load and query), which cost 11–14% of a request's CPU
 * on list and insert routes in the benchmarks; the metrics need none of them. Per-name
 * statistics ({@link #getEntityStatistics}, {@link #getQueryStatistics}, ...) are therefore not
 * kept: those getters return null and the name lists are empty. An application that wants them
 * sets {@code hibernate.stats.factory} in the engine's properties to Hibernate's default.
 *
 * <p>Internal: not part of the public API.
 */
public final class CountingStatistics implements StatisticsImplementor {
    /** What {@code hibernate.stats.factory} names. */
    public static final StatisticsFactory FACTORY = sessionFactory -> new CountingStatistics();

    private final Instant start = Instant.now();
    private volatile boolean enabled = true;
    private final LongAdder sessionsOpened = new LongAdder();
    private final LongAdder sessionsClosed = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    private final LongAdder successfulTransactions = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAdder statementsPrepared = new LongAdder();
    private final LongAdder statementsClosed = new LongAdder();
    private final LongAdder flushes = new LongAdder();
    private final LongAdder queries = new LongAdder();
    private final LongAccumulator slowestQuery = new LongAccumulator(Math::max, 0);
    private final LongAdder entityLoads = new LongAdder();
    private final LongAdder entityFetches = new LongAdder();
    private final LongAdder entityInserts = new LongAdder();
    private final LongAdder entityUpdates = new LongAdder();
    private final LongAdder entityDeletes = new LongAdder();
    private final LongAdder collectionLoads = new LongAdder();
    private final LongAdder optimisticFailures = new LongAdder();

    // ---- events Hibernate reports, counted ------------------------------------------------

    @Override public void openSession() { sessionsOpened.increment(); }
    @Override public void closeSession() { sessionsClosed.increment(); }
    @Override public void flush() { flushes.increment(); }
    @Override public void connect() { connects.increment(); }
    @Override public void prepareStatement() { statementsPrepared.increment(); }
    @Override public void closeStatement() { statementsClosed.increment(); }
    @Override public void loadEntity(String entityName) { entityLoads.increment(); }
    @Override public void fetchEntity(String entityName) { entityFetches.increment(); }
    @Override public void updateEntity(String entityName) { entityUpdates.increment(); }
    @Override public void insertEntity(String entityName) { entityInserts.increment(); }
    @Override public void deleteEntity(String entityName) { entityDeletes.increment(); }
    @Override public void optimisticFailure(String entityName) { optimisticFailures.increment(); }
    @Override public void loadCollection(String role) { collectionLoads.increment(); }

    @Override
    public void endTransaction(boolean success) {
        transactions.increment();
        if (success) {
            successfulTransactions.increment();
        }
    }

    @Override
    public void queryExecuted(String query, int rows, long millis) {
        queries.increment();
        slowestQuery.accumulate(millis);
    }

    // ---- events Hibernate reports, not kept -----------------------------------------------

    @Override public void fetchCollection(String role) { }
    @Override public void updateCollection(String role) { }
    @Override public void recreateCollection(String role) { }
    @Override public void removeCollection(String role) { }
    @Override public void entityCachePut(NavigableRole role, String region) { }
    @Override public void entityCacheHit(NavigableRole role, String region) { }
    @Override public void entityCacheMiss(NavigableRole role, String region) { }
    @Override public void collectionCachePut(NavigableRole role, String region) { }
    @Override public void collectionCacheHit(NavigableRole role, String region) { }
    @Override public void collectionCacheMiss(NavigableRole role, String region) { }
    @Override public void naturalIdCachePut(NavigableRole role, String region) { }
    @Override public void naturalIdCacheHit(NavigableRole role, String region) { }
    @Override public void naturalIdCacheMiss(NavigableRole role, String region) { }
    @Override public void naturalIdQueryExecuted(String role, long millis) { }
    @Override public void queryCachePut(String query, String region) { }
    @Override public void queryCacheHit(String query, String region) { }
    @Override public void queryCacheMiss(String query, String region) { }
    @Override public void updateTimestampsCacheHit() { }
    @Override public void updateTimestampsCacheMiss() { }
    @Override public void updateTimestampsCachePut() { }

    // ---- what the metrics read ------------------------------------------------------------

    @Override public boolean isStatisticsEnabled() { return enabled; }
    @Override public void setStatisticsEnabled(boolean enabled) { this.enabled = enabled; }
    @Override public long getSessionOpenCount() { return sessionsOpened.sum(); }
    @Override public long getSessionCloseCount() { return sessionsClosed.sum(); }
    @Override public long getFlushCount() { return flushes.sum(); }
    @Override public long getConnectCount() { return connects.sum(); }
    @Override public long getPrepareStatementCount() { return statementsPrepared.sum(); }
    @Override public long getCloseStatementCount() { return statementsClosed.sum(); }
    @Override public long getTransactionCount() { return transactions.sum(); }
    @Override public long getSuccessfulTransactionCount() { return successfulTransactions.sum(); }
    @Override public long getQueryExecutionCount() { return queries.sum(); }
    @Override public long getQueryExecutionMaxTime() { return slowestQuery.get(); }
    @Override public long getEntityLoadCount() { return entityLoads.sum(); }
    @Override public long getEntityFetchCount() { return entityFetches.sum(); }
    @Override public long getEntityInsertCount() { return entityInserts.sum(); }
    @Override public long getEntityUpdateCount() { return entityUpdates.sum(); }
    @Override public long getEntityDeleteCount() { return entityDeletes.sum(); }
    @Override public long getCollectionLoadCount() { return collectionLoads.sum(); }
    @Override public long getOptimisticFailureCount() { return optimisticFailures.sum(); }
    @Override public Instant getStart() { return start; }
    @Override public long getStartTime() { return start.toEpochMilli(); }

    @Override
    public void clear() {
        for (LongAdder counter : new LongAdder[] {sessionsOpened, sessionsClosed, transactions, successfulTransactions,
                connects, statementsPrepared, statementsClosed, flushes, queries, entityLoads, entityFetches,
                entityInserts, entityUpdates, entityDeletes, collectionLoads, optimisticFailures}) {
            counter.reset();
        }
        slowestQuery.reset();
    }

    // ---- what is not kept -----------------------------------------------------------------

    @Override public void logSummary() { }
    @Override public EntityStatistics getEntityStatistics(String entityName) { return null; }
    @Override public CollectionStatistics getCollectionStatistics(String role) { return null; }
    @Override public NaturalIdStatistics getNaturalIdStatistics(String entityName) { return null; }
    @Override public QueryStatistics getQueryStatistics(String query) { return null; }
    @Override public CacheRegionStatistics getDomainDataRegionStatistics(String region) { return null; }
    @Override public CacheRegionStatistics getQueryRegionStatistics(String region) { return null; }
    @Override public CacheRegionStatistics getCacheRegionStatistics(String region) { return null; }
    @Override public String getQueryExecutionMaxTimeQueryString() { return null; }
    @Override public long getQueryCacheHitCount() { return 0; }
    @Override public long getQueryCacheMissCount() { return 0; }
    @Override public long getQueryCachePutCount() { return 0; }
    @Override public long getNaturalIdQueryExecutionCount() { return 0; }
    @Override public long getNaturalIdQueryExecutionMaxTime() { return 0; }
    @Override public String getNaturalIdQueryExecutionMaxTimeRegion() { return null; }
    @Override public String getNaturalIdQueryExecutionMaxTimeEntity() { return null; }
    @Override public long getNaturalIdCacheHitCount() { return 0; }
    @Override public long getNaturalIdCacheMissCount() { return 0; }
    @Override public long getNaturalIdCachePutCount() { return 0; }
    @Override public long getUpdateTimestampsCacheHitCount() { return 0; }
    @Override public long getUpdateTimestampsCacheMissCount() { return 0; }
    @Override public long getUpdateTimestampsCachePutCount() { return 0; }
    @Override public long getSecondLevelCacheHitCount() { return 0; }
    @Override public long getSecondLevelCacheMissCount() { return 0; }
    @Override public long getSecondLevelCachePutCount() { return 0; }
    @Override public long getCollectionFetchCount() { return 0; }
    @Override public long getCollectionUpdateCount() { return 0; }
    @Override public long getCollectionRemoveCount() { return 0; }
    @Override public long getCollectionRecreateCount() { return 0; }
    @Override public String[] getQueries() { return new String[0]; }
    @Override public Map<String, Long> getSlowQueries() { return Map.of(); }
    @Override public String[] getEntityNames() { return new String[0]; }
    @Override public String[] getCollectionRoleNames() { return new String[0]; }
    @Override public String[] getSecondLevelCacheRegionNames() { return new String[0]; }
    @Override public long getQueryPlanCacheHitCount() { return 0; }
    @Override public long getQueryPlanCacheMissCount() { return 0; }
}
