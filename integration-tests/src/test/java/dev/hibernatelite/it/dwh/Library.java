package dev.hibernatelite.it.dwh;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.hibernate.UnitOfWorkAwareProxyFactory;
import org.hibernate.SessionFactory;

/**
 * What both applications do in {@code run}, given the session factory of their bundle: the
 * library's code is the same, only the bundle differs.
 */
public final class Library {
    private Library() {
    }

    /**
     * @param environment the application's environment
     * @param sessionFactory the bundle's session factory
     * @return the background job, made through dropwizard-hibernate's proxy factory
     */
    public static Janitor register(Environment environment, SessionFactory sessionFactory) {
        AuthorDAO authors = new AuthorDAO(sessionFactory);
        environment.jersey().register(new LibraryResource(authors, new BookDAO(sessionFactory)));
        return new UnitOfWorkAwareProxyFactory("hibernate", sessionFactory).create(Janitor.class, AuthorDAO.class, authors);
    }
}
