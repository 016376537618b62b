package dev.hibernatelite.it.dwh;

import io.dropwizard.hibernate.AbstractDAO;
import org.hibernate.SessionFactory;

import java.util.Optional;

/** The books' DAO. */
public class BookDAO extends AbstractDAO<Book> {
    public BookDAO(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    public Optional<Book> findById(long id) {
        return Optional.ofNullable(get(id));
    }

    public Book create(Book book) {
        return persist(book);
    }
}
