package dev.hibernatelite.bench.app;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What the plain JDBC routes write for a part: the JSON of {@link Part}, property for property. */
@JsonPropertyOrder({"id", "itemId", "name", "quantity"})
public record PartJson(long id, long itemId, String name, int quantity) {
}
