package dev.hibernatelite.internal.web;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which entity property each mapped column holds, read from Hibernate's runtime metamodel of
 * every engine (sync and async): what turns a column the database names into the property the
 * client knows.
 *
 * <p>Internal: not part of the public API.
 */
final class EntityColumns {
    /**
     * One mapped column.
     *
     * @param entity the entity's simple name
     * @param property the property's name
     * @param table the table
     * @param column the column
     * @param javaType the property's Java type (for a to-one association, the key's)
     * @param length the column's declared length, or null
     * @param sqlType the column's SQL type, lower case: its {@code columnDefinition}, else the JDBC type's name
     */
    record Column(String entity, String property, String table, String column, Class<?> javaType, Long length,
                  String sqlType) {
    }

    private final List<Column> columns;

    private EntityColumns(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    static EntityColumns of(Collection<SessionFactory> factories) {
        List<Column> columns = new ArrayList<>();
        for (SessionFactory factory : factories) {
            factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
                    .forEachEntityDescriptor(persister -> add(persister, columns));
        }
        return new EntityColumns(columns);
    }

    private static void add(EntityPersister persister, List<Column> columns) {
        String entity = persister.getMappedClass().getSimpleName();
        persister.getIdentifierMapping().forEachSelectable((i, s) -> columns.add(column(entity,
                persister.getIdentifierPropertyName(), s, persister.getIdentifierMapping().getJavaType()
                        .getJavaTypeClass())));
        persister.forEachAttributeMapping((AttributeMapping attribute) -> {
            if (attribute instanceof BasicValuedModelPart basic) {
                columns.add(column(entity, attribute.getAttributeName(), basic,
                        attribute.getJavaType().getJavaTypeClass()));
            } else if (attribute instanceof ToOneAttributeMapping toOne) {
                toOne.getForeignKeyDescriptor().visitKeySelectables((i, s) -> columns.add(column(entity,
                        attribute.getAttributeName(), s, s.getJdbcMapping().getJavaTypeDescriptor().getJavaTypeClass())));
            }
        });
    }

    private static Column column(String entity, String property, SelectableMapping s, Class<?> javaType) {
        String sqlType = s.getColumnDefinition() != null ? s.getColumnDefinition()
                : String.valueOf(s.getJdbcMapping().getJdbcType().getFriendlyName());
        return new Column(entity, property, s.getContainingTableExpression(), s.getSelectionExpression(), javaType,
                s.getLength(), sqlType.toLowerCase(Locale.ROOT));
    }

    /**
     * @param table the table, or null for any
     * @param column the column
     * @return the mapped columns of that name (more than one when several entities map it)
     */
    List<Column> find(String table, String column) {
        List<Column> found = new ArrayList<>();
        for (Column c : columns) {
            if (same(c.column(), column) && (table == null || same(c.table(), table))) {
                found.add(c);
            }
        }
        return found;
    }

    private static boolean same(String mapped, String named) {
        String m = mapped.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
        int dot = m.lastIndexOf('.');
        return (dot >= 0 ? m.substring(dot + 1) : m).equals(named.toLowerCase(Locale.ROOT));
    }
}
