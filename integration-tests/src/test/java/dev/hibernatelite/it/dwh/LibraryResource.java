package dev.hibernatelite.it.dwh;

import io.dropwizard.hibernate.UnitOfWork;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Resources as a dropwizard-hibernate user writes them: {@code @UnitOfWork} and DAOs. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {
    private final AuthorDAO authors;
    private final BookDAO books;

    public LibraryResource(AuthorDAO authors, BookDAO books) {
        this.authors = authors;
        this.books = books;
    }

    @GET
    @Path("ping")
    @UnitOfWork
    public String ping() {
        return "\"pong\"";
    }

    @POST
    @Path("authors")
    @UnitOfWork
    public Author createAuthor(@QueryParam("name") String name) {
        return authors.create(new Author(name));
    }

    @POST
    @Path("authors/failing")
    @UnitOfWork
    public Author createAuthorThenFail(@QueryParam("name") String name) {
        authors.createNow(new Author(name));
        throw new WebApplicationException("changed my mind", 409);
    }

    @GET
    @Path("authors/{id}")
    @UnitOfWork(readOnly = true)
    public Author author(@PathParam("id") long id) {
        return authors.findById(id).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("authors")
    @UnitOfWork(readOnly = true)
    public List<Author> allAuthors() {
        return authors.findAll();
    }

    @GET
    @Path("authors/count")
    @UnitOfWork(transactional = false)
    public long countNamed(@QueryParam("name") String name) {
        return authors.countNamed(name);
    }

    @POST
    @Path("authors/{id}/rename-read-only")
    @UnitOfWork(readOnly = true)
    public Author renameInReadOnlyUnit(@PathParam("id") long id, @QueryParam("name") String name) {
        Author author = authors.findById(id).orElseThrow(NotFoundException::new);
        author.setName(name);
        return author;
    }

    @POST
    @Path("authors/{id}/rename")
    @UnitOfWork
    public Author rename(@PathParam("id") long id, @QueryParam("name") String name) {
        Author author = authors.findById(id).orElseThrow(NotFoundException::new);
        author.setName(name);
        return author;
    }

    @POST
    @Path("books")
    @UnitOfWork
    public Book createBook(@QueryParam("author") long authorId, @QueryParam("title") String title) {
        Author author = authors.findById(authorId).orElseThrow(NotFoundException::new);
        return books.create(new Book(title, author));
    }

    @GET
    @Path("books/{id}")
    @UnitOfWork
    public Book book(@PathParam("id") long id) {
        return books.findById(id).orElseThrow(NotFoundException::new);
    }
}
