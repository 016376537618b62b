package dev.hibernatelite.bench.app;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The row every route family serves (with its {@link Part}s, the one-to-many route's rows): an
 * entity for the three Hibernate families (the bundle, dropwizard-hibernate, hand-wired
 * Hibernate), written as JSON straight from the entity, as those applications do. The plain JDBC family writes {@link ItemJson}, which has the
 * same properties in the same order, so every family answers the same bytes.
 *
 * <p>The id is an identity column: each family's insert is one {@code INSERT ... RETURNING}.
 */
@Entity
@Table(name = "bench_item")
@JsonPropertyOrder({"id", "name", "description", "priceCents", "stock"})
public class Item {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "description", length = 500)
    private String description;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    @Column(name = "stock", nullable = false)
    private int stock;

    public Item() {
    }

    public Item(String name, String description, long priceCents, int stock) {
        this.name = name;
        this.description = description;
        this.priceCents = priceCents;
        this.stock = stock;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public long getPriceCents() {
        return priceCents;
    }

    public int getStock() {
        return stock;
    }
}
