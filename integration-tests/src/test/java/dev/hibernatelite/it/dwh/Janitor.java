package dev.hibernatelite.it.dwh;

import io.dropwizard.hibernate.UnitOfWork;

/**
 * Background work outside requests, as a dropwizard-hibernate user writes it: a class whose
 * {@code @UnitOfWork} methods run through {@code UnitOfWorkAwareProxyFactory}.
 */
public class Janitor {
    private final AuthorDAO authors;

    public Janitor(AuthorDAO authors) {
        this.authors = authors;
    }

    @UnitOfWork
    public Author addAuthor(String name) {
        return authors.create(new Author(name));
    }
}
