package dev.hibernatelite.example;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One input a client may send that must be refused with a 4xx, never written, never a 500: the
 * table that {@link RefusedInputsContract} runs over HTTP on each database. {@code path} may
 * hold {@code {author}}, the id of a user the test made; {@code query} is appended as given
 * (already percent-encoded).
 *
 * @param label what the input is, for the test's name
 * @param method GET or POST
 * @param path the route
 * @param query the raw query string, or null
 * @param body the JSON body of a POST, or null
 * @param status the answer's status
 * @param by who refuses it, which decides the body's shape
 * @param entity the entity the answer names (a database refusal), or null
 * @param property the property the answer names (a database refusal), or null
 * @param on the databases on which this input is refused (others store it: not in their table)
 */
record RefusedInput(String label, String method, String path, String query, Map<String, String> body, int status,
                    By by, String entity, String property, Set<Db> on) {

    /** Who refuses the input. */
    enum By {
        /** the database (or the bundle's check before the round trip): Dropwizard's error shape plus the property */
        DATABASE,
        /** Bean Validation on the request body: Dropwizard's {@code {"errors": [...]}} */
        VALIDATION,
        /** Jersey or the resource: Dropwizard's {@code {"code", "message"}} */
        APPLICATION
    }

    /** The databases of the table. */
    enum Db { POSTGRESQL, MARIADB }

    private static final Set<Db> BOTH = Set.of(Db.POSTGRESQL, Db.MARIADB);
    private static final Set<Db> PG = Set.of(Db.POSTGRESQL);
    private static final Set<Db> MARIA = Set.of(Db.MARIADB);
    // a character outside the Basic Multilingual Plane: four bytes in UTF-8, refused by a utf8mb3 column
    private static final String EMOJI = "\uD83D\uDE00";
    private static final String CLEF = "\uD834\uDD1E";

    @Override
    public String toString() {
        return label + " (" + method + " " + path + (query == null ? "" : "?" + query) + ")";
    }

    static List<RefusedInput> on(Db db) {
        return all().stream().filter(input -> input.on().contains(db)).toList();
    }

    private static List<RefusedInput> all() {
        List<RefusedInput> table = new ArrayList<>();
        for (String prefix : List.of("", "/async")) {
            String users = prefix + "/users";
            String posts = users + "/{author}/posts";
            String how = prefix.isEmpty() ? "" : ", async";
            // names
            table.add(db("a name with a NUL character inside" + how, "POST", users, null,
                    Map.of("name", "a\u0000b"), "User", "name", PG));
            table.add(db("a name that ends with a NUL character" + how, "POST", users, null,
                    Map.of("name", "ada\u0000"), "User", "name", PG));
            table.add(db("a name with a four-byte character, in a utf8mb3 table" + how, "POST", users, null,
                    Map.of("name", "ada " + EMOJI), "User", "name", MARIA));
            // bodies
            table.add(db("a post title with a NUL character" + how, "POST", posts, null,
                    Map.of("title", "T\u0000", "body", "text"), "Post", "title", PG));
            table.add(db("a post body with a NUL character" + how, "POST", posts, null,
                    Map.of("title", "T", "body", "line\u0000line"), "Post", "body", PG));
            table.add(db("a post title with a four-byte character, in a utf8mb3 table" + how, "POST", posts, null,
                    Map.of("title", CLEF, "body", "text"), "Post", "title", MARIA));
            table.add(db("a post body with a four-byte character, in a utf8mb3 table" + how, "POST", posts, null,
                    Map.of("title", "T", "body", "smile " + EMOJI), "Post", "body", MARIA));
            // query parameters
            table.add(db("a name search with a NUL character" + how, "GET", users, "q=a%00b", null,
                    "User", "name", PG));
            table.add(db("a name search with a four-byte character, in a utf8mb3 table" + how, "GET", users,
                    "q=%F0%9F%98%80", null, "User", "name", MARIA));
        }
        // (the Vert.x client sends these as PostgreSQL's infinity and -infinity: the async twin answers 200)
        table.add(db("posts since a year past PostgreSQL's last timestamp", "GET", "/users/{author}/posts",
                "since=%2B300000-01-01T00%3A00%3A00Z", null, "Post", "createdAt", PG));
        table.add(db("posts since a year before PostgreSQL's first timestamp", "GET", "/users/{author}/posts",
                "since=-5000-01-01T00%3A00%3A00Z", null, "Post", "createdAt", PG));
        // the example's own validation keeps its 422s
        table.add(new RefusedInput("a blank name", "POST", "/users", null, Map.of("name", "   "), 422,
                By.VALIDATION, null, null, BOTH));
        table.add(new RefusedInput("no name", "POST", "/users", null, Map.of(), 422, By.VALIDATION, null, null, BOTH));
        table.add(new RefusedInput("a name longer than 255 characters", "POST", "/users", null,
                Map.of("name", "n".repeat(User.NAME_LENGTH + 1)), 422, By.VALIDATION, null, null, BOTH));
        table.add(new RefusedInput("a post title longer than 255 characters", "POST", "/users/{author}/posts", null,
                Map.of("title", "t".repeat(Post.TITLE_LENGTH + 1), "body", "b"), 422, By.VALIDATION, null, null, BOTH));
        table.add(new RefusedInput("a post body longer than 10000 characters", "POST", "/async/users/{author}/posts",
                null, Map.of("title", "t", "body", "b".repeat(Post.BODY_LENGTH + 1)), 422, By.VALIDATION, null, null,
                BOTH));
        // ids and parameters that never reach the database
        table.add(new RefusedInput("an id beyond a long", "POST", "/users/99999999999999999999/posts", null,
                Map.of("title", "t", "body", "b"), 404, By.APPLICATION, null, null, BOTH));
        table.add(new RefusedInput("an id that is not a number", "GET", "/async/users/1x", null, null, 404,
                By.APPLICATION, null, null, BOTH));
        table.add(new RefusedInput("the id of no user", "POST", "/users/987654321/posts", null,
                Map.of("title", "t", "body", "b"), 404, By.APPLICATION, null, null, BOTH));
        table.add(new RefusedInput("posts since something that is not an instant", "GET", "/users/{author}/posts",
                "since=yesterday", null, 400, By.APPLICATION, null, null, BOTH));
        return Collections.unmodifiableList(table);
    }

    private static RefusedInput db(String label, String method, String path, String query, Map<String, String> body,
                                   String entity, String property, Set<Db> on) {
        return new RefusedInput(label, method, path, query, body, 422, By.DATABASE, entity, property, on);
    }
}
