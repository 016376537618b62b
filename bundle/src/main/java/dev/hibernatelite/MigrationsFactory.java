package dev.hibernatelite;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An engine's schema migrations (Flyway), as written under {@code engines.<name>.migrations} (or
 * {@code asyncEngines.<name>.migrations}):
 *
 * <pre>{@code
 * engines:
 *   default:
 *     url: jdbc:postgresql://127.0.0.1:5432/blog
 *     migrations:
 *       locations: [classpath:db/migration/default]   # the default
 *       migrateAtStartup: true                        # default false
 *       table: flyway_schema_history                  # the default
 * }</pre>
 *
 * Every field is optional; an engine without this section still has migrations when its default
 * location, {@code classpath:db/migration/<engine>}, exists. Validated when the bundle starts, with
 * YAML paths. See {@code docs/migrations.md}.
 */
@JsonDeserialize(builder = MigrationsFactory.Builder.class)
public final class MigrationsFactory {
    /** The history table Flyway keeps in each database when {@code table} is not set. */
    public static final String DEFAULT_TABLE = "flyway_schema_history";

    private final List<String> locations;
    private final Boolean migrateAtStartup;
    private final String table;

    private MigrationsFactory(Builder b) {
        this.locations = b.locations == null ? null : List.copyOf(b.locations);
        this.migrateAtStartup = b.migrateAtStartup;
        this.table = b.table;
    }

    /** @return a builder with every field at its default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the locations as written ({@code classpath:...} or {@code filesystem:...}); empty when not set */
    public Optional<List<String>> getLocations() {
        return Optional.ofNullable(locations);
    }

    /** @return whether the application applies pending migrations when it starts, as written */
    public Optional<Boolean> getMigrateAtStartup() {
        return Optional.ofNullable(migrateAtStartup);
    }

    /** @return the history table's name, as written */
    public Optional<String> getTable() {
        return Optional.ofNullable(table);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationsFactory that && Objects.equals(locations, that.locations)
                && Objects.equals(migrateAtStartup, that.migrateAtStartup) && Objects.equals(table, that.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(locations, migrateAtStartup, table);
    }

    @Override
    public String toString() {
        return "MigrationsFactory{locations=" + locations + ", migrateAtStartup=" + migrateAtStartup
                + ", table=" + table + "}";
    }

    /** Builds a {@link MigrationsFactory}; also what Jackson uses to read the YAML. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private List<String> locations;
        private Boolean migrateAtStartup;
        private String table;

        private Builder() {
        }

        /**
         * @param locations where the migrations are: {@code classpath:db/migration/default} or
         *        {@code filesystem:/path}
         * @return this builder
         */
        @JsonProperty
        public Builder locations(List<String> locations) {
            this.locations = locations;
            return this;
        }

        /**
         * @param migrateAtStartup whether the application applies pending migrations when it starts
         * @return this builder
         */
        @JsonProperty
        public Builder migrateAtStartup(Boolean migrateAtStartup) {
            this.migrateAtStartup = migrateAtStartup;
            return this;
        }

        /**
         * @param table the history table's name
         * @return this builder
         */
        @JsonProperty
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** @return the migrations configuration (validated when the bundle starts) */
        public MigrationsFactory build() {
            return new MigrationsFactory(this);
        }
    }
}
