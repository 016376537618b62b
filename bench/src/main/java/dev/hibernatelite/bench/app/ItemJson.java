package dev.hibernatelite.bench.app;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What the plain JDBC routes write: the JSON of {@link Item}, property for property. */
@JsonPropertyOrder({"id", "name", "description", "priceCents", "stock"})
public record ItemJson(long id, String name, String description, long priceCents, int stock) {
}
