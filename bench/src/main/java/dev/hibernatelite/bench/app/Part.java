package dev.hibernatelite.bench.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A child of an {@link Item} (5 to 10 per seeded item): the many side of the one-to-many route
 * {@code GET /items/{id}/parts}, which every family answers with one query on this table. The
 * association is the usual lazy {@code @ManyToOne}; the item is not written into the JSON, its id
 * is ({@code itemId}, read from the association without loading the item). {@link Item} maps no
 * collection of its parts: the route does not need it, and a mapped collection would add a
 * collection wrapper to every item the other routes load.
 */
@Entity
@Table(name = "bench_part")
@JsonPropertyOrder({"id", "itemId", "name", "quantity"})
public class Part {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @JsonIgnore
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id", nullable = false)
    private Item item;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    public Part() {
    }

    public Long getId() {
        return id;
    }

    /** @return the item's id; Hibernate answers it from the uninitialised proxy, without a query */
    public long getItemId() {
        return item.getId();
    }

    public String getName() {
        return name;
    }

    public int getQuantity() {
        return quantity;
    }
}
