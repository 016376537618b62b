package dev.hibernatelite.internal.schema;

import dev.hibernatelite.internal.engine.Engine;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the tables (and sequences) of an engine's entities that do not exist yet, and
 * nothing else: existing tables are not altered, as with SQLAlchemy's {@code create_all()}.
 * Running it twice does nothing the second time.
 *
 * <p>Internal: not part of the public API.
 */
public final class SchemaCreation {
    /**
     * What a run found and did.
     *
     * @param created the tables it created, as the database names them
     * @param existing the tables that were already there
     */
    public record Result(List<String> created, List<String> existing) {
    }

    private SchemaCreation() {
    }

    /**
     * @param engine the engine whose entities' tables to create
     * @return the tables created and the tables that already existed
     */
    public static Result createMissing(Engine engine) {
        StandardServiceRegistry registry = engine.registry();
        Metadata metadata = engine.metadata();
        Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
        // create only what the entities map: never run an import.sql found on the classpath
        settings.put(AvailableSettings.HBM2DDL_IMPORT_FILES, "");

        Set<Table> missingTables = new HashSet<>();
        Set<Sequence> missingSequences = new HashSet<>();
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        HibernateSchemaManagementTool tool = (HibernateSchemaManagementTool) registry.requireService(SchemaManagementTool.class);
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
                        if (!table.isPhysicalTable()) {
                            continue;
                        }
                        if (tablesInNamespace.getTableInformation(table) == null) {
                            missingTables.add(table);
                            created.add(table.getName());
                        } else {
                            existing.add(table.getName());
                        }
                    }
                    for (Sequence sequence : namespace.getSequences()) {
                        if (database.getSequenceInformation(sequence.getName()) == null) {
                            missingSequences.add(sequence);
                        }
                    }
                }
            } finally {
                database.cleanup();
            }
        } finally {
            isolator.release();
        }
        if (missingTables.isEmpty() && missingSequences.isEmpty()) {
            return new Result(List.of(), List.copyOf(existing));
        }
        settings.put(AvailableSettings.HBM2DDL_FILTER_PROVIDER, new OnlyMissing(missingTables, missingSequences));
        tool.getSchemaCreator(settings).doCreation(metadata, new Options(settings), ContributableMatcher.ALL,
                new FromMetadata(), new ToDatabase());
        return new Result(List.copyOf(created), List.copyOf(existing));
    }

    /** Lets the schema creator see only the tables and sequences found missing. */
    private static final class OnlyMissing implements SchemaFilterProvider, SchemaFilter {
        private final Set<Table> tables;
        private final Set<Sequence> sequences;

        OnlyMissing(Set<Table> tables, Set<Sequence> sequences) {
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

    private record Options(Map<String, Object> settings) implements ExecutionOptions {
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
