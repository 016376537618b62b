package dev.hibernatelite.internal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The JSON of a refusal: Dropwizard's error shape ({@code code}, {@code message}) plus what was
 * refused, each field left out when unknown.
 *
 * <p>Internal: not part of the public API.
 *
 * @param code the HTTP status
 * @param message what was wrong, for people
 * @param entity the entity's simple name ({@code User})
 * @param property the entity's property ({@code name})
 * @param column the column, when no property maps it ({@code users.name})
 * @param constraint the constraint's name, for constraint violations
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "message", "entity", "property", "column", "constraint"})
public record RefusalBody(int code, String message, String entity, String property, String column,
                          String constraint) {
}
