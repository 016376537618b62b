package dev.hibernatelite.internal.schema;

import dev.hibernatelite.internal.engine.SyncEngine;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.mapping.Table;
import org.hibernate.resource.transaction.spi.DdlTransactionIsolator;
import org.hibernate.tool.schema.SourceType;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.extract.spi.DatabaseInformation;
import org.hibernate.tool.schema.extract.spi.NameSpaceTablesInformation;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.internal.Helper;
import org.hibernate.tool.schema.internal.HibernateSchemaManagementTool;
import org.hibernate.tool.schema.internal.exec.JdbcContext;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.ScriptSourceInput;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema tasks of the {@code db} commands and {@code db.createAll()}: creating the tables
 * (and sequences) of an engine's entities that do not exist yet and nothing else (existing
 * tables are not altered, as with SQLAlchemy's {@code create_all()}), and dropping those that
 * do. Both run again harmlessly.
 *
 * <p>Internal: not part of the public API.
 */
public final class SchemaTasks {
    /**
     * The engine's mapped tables, split by whether the database has them.
     *
     * @param existing the mapped tables the database has, as the mapping names them
     * @param missing the mapped tables it does not have
     */
    public record Tables(List<String> existing, List<String> missing) {
    }

    /** What the database has of the mapping, with the Hibernate objects behind the names. */
    private record Inspection(Tables tables, Set<Table> existingTables, Set<Table> missingTables,
                              Set<Sequence> existingSequences, Set<Sequence> missingSequences) {
    }

    private SchemaTasks() {
    }

    /**
     * @param engine an engine
     * @return which of its entities' tables exist
     */
    public static Tables inspect(SyncEngine engine) {
        Map<String, Object> settings = settingsOf(engine);
        try (DdlConnection ignored = DdlConnection.open(engine, settings)) {
            return inspect(engine, settings).tables();
        }
    }

    /**
     * Creates the tables and sequences of the engine's entities that do not exist.
     *
     * @param engine the engine whose entities' tables to create
     * @return the tables as they were before: those it created are the missing ones
     */
    public static Tables createMissing(SyncEngine engine) {
        Map<String, Object> settings = settingsOf(engine);
        try (DdlConnection ignored = DdlConnection.open(engine, settings)) {
            return createMissing(engine, settings);
        }
    }

    private static Tables createMissing(SyncEngine engine, Map<String, Object> settings) {
        Inspection found = inspect(engine, settings);
        if (!found.missingTables().isEmpty() || !found.missingSequences().isEmpty()) {
            settings.put(AvailableSettings.HBM2DDL_FILTER_PROVIDER,
                    new OnlyThese(found.missingTables(), found.missingSequences()));
            tool(engine).getSchemaCreator(settings).doCreation(engine.metadata(), new Options(settings),
                    ContributableMatcher.ALL, new FromMetadata(), new ToDatabase());
        }
        return found.tables();
    }

    /**
     * Drops the tables and sequences of the engine's entities that exist (foreign keys first);
     * other tables in the database are not touched.
     *
     * @param engine the engine whose entities' tables to drop
     * @return the tables as they were before: those it dropped are the existing ones
     */
    public static Tables dropExisting(SyncEngine engine) {
        Map<String, Object> settings = settingsOf(engine);
        try (DdlConnection ignored = DdlConnection.open(engine, settings)) {
            return dropExisting(engine, settings);
        }
    }

    private static Tables dropExisting(SyncEngine engine, Map<String, Object> settings) {
        Inspection found = inspect(engine, settings);
        if (!found.existingTables().isEmpty() || !found.existingSequences().isEmpty()) {
            settings.put(AvailableSettings.HBM2DDL_FILTER_PROVIDER,
                    new OnlyThese(found.existingTables(), found.existingSequences()));
            tool(engine).getSchemaDropper(settings).doDrop(engine.metadata(), new Options(settings),
                    ContributableMatcher.ALL, new FromMetadata(), new ToDatabase());
        }
        return found.tables();
    }

    static Map<String, Object> settingsOf(SyncEngine engine) {
        Map<String, Object> settings = new HashMap<>(
                engine.registry().requireService(ConfigurationService.class).getSettings());
        // only what the entities map: never run an import.sql found on the classpath
        settings.put(AvailableSettings.HBM2DDL_IMPORT_FILES, "");
        return settings;
    }

    static HibernateSchemaManagementTool tool(SyncEngine engine) {
        return (HibernateSchemaManagementTool) engine.registry().requireService(SchemaManagementTool.class);
    }

    private static Inspection inspect(SyncEngine engine, Map<String, Object> settings) {
        if (engine.entities().isEmpty()) {
            // nothing mapped, nothing to look for: do not even connect
            return new Inspection(new Tables(List.of(), List.of()), Set.of(), Set.of(), Set.of(), Set.of());
        }
        StandardServiceRegistry registry = engine.registry();
        Metadata metadata = engine.metadata();
        Set<Table> existingTables = new LinkedHashSet<>();
        Set<Table> missingTables = new LinkedHashSet<>();
        Set<Sequence> existingSequences = new LinkedHashSet<>();
        Set<Sequence> missingSequences = new LinkedHashSet<>();
        HibernateSchemaManagementTool tool = tool(engine);
        JdbcContext jdbcContext = tool.resolveJdbcContext(settings);
        DdlTransactionIsolator isolator = tool.getDdlTransactionIsolator(jdbcContext);
        try {
            SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromConfigurationMap(
                    registry.requireService(JdbcEnvironment.class), metadata.getDatabase(), settings);
            DatabaseInformation database = Helper.buildDatabaseInformation(registry, isolator, context, tool);
            try {
                for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
                    // Look in the namespace, not everywhere: H2 has an INFORMATION_SCHEMA.USERS.
                    NameSpaceTablesInformation tablesInNamespace = database.getTablesInformation(namespace);
                    for (Table table : namespace.getTables()) {
                        if (table.isPhysicalTable()) {
                            (tablesInNamespace.getTableInformation(table) == null ? missingTables : existingTables)
                                    .add(table);
                        }
                    }
                    for (Sequence sequence : namespace.getSequences()) {
                        (database.getSequenceInformation(sequence.getName()) == null
                                ? missingSequences : existingSequences).add(sequence);
                    }
                }
            } finally {
                database.cleanup();
            }
        } finally {
            isolator.release();
        }
        return new Inspection(new Tables(names(existingTables), names(missingTables)), existingTables, missingTables,
                existingSequences, missingSequences);
    }

    private static List<String> names(Set<Table> tables) {
        List<String> names = new ArrayList<>();
        tables.forEach(t -> names.add(t.getName()));
        Collections.sort(names);
        return List.copyOf(names);
    }

    /** Lets the schema tool see only the given tables and sequences. */
    private static final class OnlyThese implements SchemaFilterProvider, SchemaFilter {
        private final Set<Table> tables;
        private final Set<Sequence> sequences;

        OnlyThese(Set<Table> tables, Set<Sequence> sequences) {
            this.tables = tables;
            this.sequences = sequences;
        }

        @Override
        public boolean includeNamespace(Namespace namespace) {
            return true;
        }

        @Override
        public boolean includeTable(Table table) {
            return tables.contains(table);
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return sequences.contains(sequence);
        }

        @Override
        public SchemaFilter getCreateFilter() {
            return this;
        }

        @Override
        public SchemaFilter getDropFilter() {
            return this;
        }

        @Override
        public SchemaFilter getTruncatorFilter() {
            return this;
        }

        @Override
        public SchemaFilter getMigrateFilter() {
            return this;
        }

        @Override
        public SchemaFilter getValidateFilter() {
            return this;
        }
    }

    record Options(Map<String, Object> settings) implements ExecutionOptions {
        @Override
        public Map<String, Object> getConfigurationValues() {
            return settings;
        }

        @Override
        public boolean shouldManageNamespaces() {
            return false;
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return ExceptionHandlerHaltImpl.INSTANCE;
        }
    }

    private static final class FromMetadata implements SourceDescriptor {
        @Override
        public SourceType getSourceType() {
            return SourceType.METADATA;
        }

        @Override
        public ScriptSourceInput getScriptSourceInput() {
            return null;
        }
    }

    private static final class ToDatabase implements TargetDescriptor {
        @Override
        public EnumSet<TargetType> getTargetTypes() {
            return EnumSet.of(TargetType.DATABASE);
        }

        @Override
        public ScriptTargetOutput getScriptTargetOutput() {
            return null;
        }
    }
}
