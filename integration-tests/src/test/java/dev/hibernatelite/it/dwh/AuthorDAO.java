package dev.hibernatelite.it.dwh;

import io.dropwizard.hibernate.AbstractDAO;
import org.hibernate.SessionFactory;

import java.util.List;
import java.util.Optional;

/** A DAO as a dropwizard-hibernate user writes it: everything through currentSession(). */
public class AuthorDAO extends AbstractDAO<Author> {
    public AuthorDAO(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    public Optional<Author> findById(long id) {
        return Optional.ofNullable(get(id));
    }

    public Author create(Author author) {
        return persist(author);
    }

    /** Persists and inserts at once (a flush), as code that needs the row before the commit does. */
    public Author createNow(Author author) {
        persist(author);
        currentSession().flush();
        return author;
    }

    public List<Author> findAll() {
        return list(namedTypedQuery("Author.findAll"));
    }

    public long countNamed(String name) {
        return currentSession().createSelectionQuery("select count(a) from Author a where a.name = :name", Long.class)
                .setParameter("name", name).getSingleResult();
    }
}
