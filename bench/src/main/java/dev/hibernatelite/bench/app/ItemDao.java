package dev.hibernatelite.bench.app;

import io.dropwizard.hibernate.AbstractDAO;
import org.hibernate.SessionFactory;

import java.util.List;

/** The dropwizard-hibernate way: a DAO on the {@code @UnitOfWork}'s current session. */
public class ItemDao extends AbstractDAO<Item> {
    public ItemDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    public Item findById(long id) {
        return get(id);
    }

    public List<Item> page(long after, int limit) {
        return list(query(LiteItemResource.LIST_QUERY).setParameter("after", after).setMaxResults(limit));
    }

    /** @return the item's parts, by id (the DAO's session, which {@code AbstractDAO} hands out) */
    public List<Part> parts(long item) {
        return currentSession().createSelectionQuery(LiteItemResource.PARTS_QUERY, Part.class)
                .setParameter("item", item)
                .getResultList();
    }

    public Item create(Item item) {
        return persist(item);
    }
}
