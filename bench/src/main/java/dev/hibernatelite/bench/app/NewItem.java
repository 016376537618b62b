package dev.hibernatelite.bench.app;

/** The body of {@code POST /items}, the same for every route family. */
public record NewItem(String name, String description, long priceCents, int stock) {
    /** @return a new, transient entity with these values */
    public Item toEntity() {
        return new Item(name, description, priceCents, stock);
    }
}
