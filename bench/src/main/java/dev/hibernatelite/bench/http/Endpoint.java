package dev.hibernatelite.bench.http;

/** The measured routes, each driven by its wrk script ({@code /wrk/<script>.lua} in the jar). */
public enum Endpoint {
    READ("read one row by id", "GET /items/{id}", "read"),
    LIST("list 20 rows", "GET /items?after=N&limit=20", "list"),
    PARTS("one-to-many: an item's 5–10 parts", "GET /items/{id}/parts", "parts"),
    INSERT("insert one row", "POST /items", "insert"),
    PING("no database", "GET /ping", "ping");

    private final String label;
    private final String route;
    private final String script;

    Endpoint(String label, String route, String script) {
        this.label = label;
        this.route = route;
        this.script = script;
    }

    public String label() {
        return label;
    }

    public String route() {
        return route;
    }

    public String script() {
        return script;
    }

    /** @return whether the route uses the database */
    public boolean usesDatabase() {
        return this != PING;
    }

    /** @return whether the route only reads (what {@code @ReadOnly} applies to) */
    public boolean reads() {
        return this == READ || this == LIST || this == PARTS;
    }
}
