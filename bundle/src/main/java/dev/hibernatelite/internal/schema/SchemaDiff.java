package dev.hibernatelite.internal.schema;

import dev.hibernatelite.internal.engine.SyncEngine;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DDL that brings a database to what an engine's entities map, computed by Hibernate's schema
 * migrator written to a script (nothing is executed): the tables, columns, sequences, keys and
 * indexes the database lacks. Hibernate's migrator never drops; what the database has and the
 * mapping does not (tables in the schema, columns of mapped tables) is listed separately, with the
 * statements that would drop it, for the caller to write only when asked.
 *
 * <p>Internal: not part of the public API.
 */
public final class SchemaDiff {
    /**
     * @param statements what creates or alters, in order, without terminators
     * @param droppable what the database has and the mapping does not ({@code table legacy},
     *        {@code column posts.old})
     * @param dropStatements the statements that would drop them: columns first, then tables
     */
    public record Result(List<String> statements, List<String> droppable, List<String> dropStatements) {
    }

    private SchemaDiff() {
    }

    /**
     * @param engine the engine whose entities are the target, on the database to compare with
     * @param ignoredTables tables never to propose dropping (the migration history), any case
     * @return the difference
     * @throws SQLException if the database's metadata cannot be read
     */
    public static Result against(SyncEngine engine, Set<String> ignoredTables) throws SQLException {
        Map<String, Object> settings = SchemaTasks.settingsOf(engine);
        settings.put(AvailableSettings.FORMAT_SQL, "true");
        List<String> statements = new ArrayList<>();
        if (!engine.entities().isEmpty()) {
            SchemaTasks.tool(engine).getSchemaMigrator(settings).doMigration(engine.metadata(),
                    new SchemaTasks.Options(settings), ContributableMatcher.ALL, new ToScript(statements));
        }
        List<String> droppable = new ArrayList<>();
        List<String> dropStatements = new ArrayList<>();
        try (Connection own = engine.dataSource().getConnection()) {
            try {
                findDroppable(engine, own, ignoredTables, droppable, dropStatements);
            } finally {
                own.rollback();
            }
        }
        return new Result(List.copyOf(statements), List.copyOf(droppable), List.copyOf(dropStatements));
    }

    private static void findDroppable(SyncEngine engine, Connection connection, Set<String> ignoredTables,
                                      List<String> droppable, List<String> dropStatements) throws SQLException {
        Map<String, Set<String>> mapped = new LinkedHashMap<>();
        for (Namespace namespace : engine.metadata().getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                if (table.isPhysicalTable()) {
                    Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                    for (Column column : table.getColumns()) {
                        columns.add(column.getName());
                    }
                    mapped.put(lower(table.getName()), columns);
                }
            }
        }
        Set<String> ignored = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        ignored.addAll(ignoredTables);
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        List<String> tablesToDrop = new ArrayList<>();
        try (ResultSet tables = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                if (ignored.contains(table)) {
                    continue;
                }
                Set<String> columns = mapped.get(lower(table));
                if (columns == null) {
                    tablesToDrop.add(table);
                    continue;
                }
                try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME");
                        if (!columns.contains(column)) {
                            droppable.add("column " + table + "." + column);
                            dropStatements.add("alter table " + table + " drop column " + column);
                        }
                    }
                }
            }
        }
        for (String table : tablesToDrop) {
            droppable.add("table " + table);
            dropStatements.add("drop table " + table);
        }
    }

    private static String lower(String name) {
        String unquoted = name.startsWith("`") || name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
        return unquoted.toLowerCase(Locale.ROOT);
    }

    /** Collects the migrator's statements instead of running them. */
    private static final class ToScript implements TargetDescriptor, ScriptTargetOutput {
        private final List<String> statements;

        ToScript(List<String> statements) {
            this.statements = statements;
        }

        @Override
        public EnumSet<TargetType> getTargetTypes() {
            return EnumSet.of(TargetType.SCRIPT);
        }

        @Override
        public ScriptTargetOutput getScriptTargetOutput() {
            return this;
        }

        @Override
        public void prepare() {
            // nothing to open
        }

        @Override
        public void accept(String command) {
            String statement = command.strip();
            while (statement.endsWith(";")) {
                statement = statement.substring(0, statement.length() - 1).strip();
            }
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }

        @Override
        public void release() {
            // nothing to close
        }
    }
}
